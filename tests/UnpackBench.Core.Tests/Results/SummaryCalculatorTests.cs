using UnpackBench.Core.Results;

namespace UnpackBench.Core.Tests.Results;

public sealed class SummaryCalculatorTests
{
    private const int Precision = 12;

    private static RunResult Success(int id, double seconds) =>
        new() { RunId = id, Status = RunResult.Success, DurationSeconds = seconds };

    private static RunResult Failure(int id) =>
        new() { RunId = id, Status = RunResult.Failed, Error = "applying layer 1/1: no space left on device" };

    [Fact]
    public void Failed_runs_are_counted_but_not_timed()
    {
        // Successful durations 2, 4, 3 (a failure in between must not count as a zero):
        // mean 3, median 3, min 2, max 4, p95 rank 0.95·2 = 1.9 → 3 + 0.9·1 = 3.9, stddev √(2/2) = 1, cv 1/3.
        var summary = SummaryCalculator.Summarize([Success(1, 2.0), Failure(2), Success(3, 4.0), Success(4, 3.0), Failure(5)], uncompressedBytes: null);

        Assert.Equal((3, 2), (summary.SuccessfulRuns, summary.FailedRuns));
        Assert.Equal(3.0, summary.AvgDurationSeconds!.Value, Precision);
        Assert.Equal(2.0, summary.MinDurationSeconds);
        Assert.Equal(4.0, summary.MaxDurationSeconds);
        Assert.Equal(3.0, summary.MedianDurationSeconds!.Value, Precision);
        Assert.Equal(3.9, summary.P95DurationSeconds!.Value, Precision);
        Assert.Equal(1.0, summary.StddevDurationSeconds!.Value, Precision);
        Assert.Equal(1.0 / 3.0, summary.Cv!.Value, Precision);
    }

    [Fact]
    public void Run_marked_successful_without_a_duration_counts_as_failed()
    {
        var untimed = new RunResult { RunId = 2, Status = RunResult.Success };

        var summary = SummaryCalculator.Summarize([Success(1, 1.0), untimed], uncompressedBytes: null);

        Assert.Equal((1, 1), (summary.SuccessfulRuns, summary.FailedRuns));
    }

    public static TheoryData<string, RunResult[]> NoSuccess => new()
    {
        { "every run failed", [Failure(1), Failure(2), Failure(3)] },
        { "no runs at all", [] },
    };

    [Theory]
    [MemberData(nameof(NoSuccess))]
    public void Without_a_successful_run_every_duration_figure_is_null(string @case, RunResult[] runs)
    {
        var summary = SummaryCalculator.Summarize(runs, uncompressedBytes: 50_000_000);

        Assert.True(summary.SuccessfulRuns == 0 && summary.FailedRuns == runs.Length, @case);
        double?[] figures =
        [
            summary.AvgDurationSeconds, summary.MinDurationSeconds, summary.MaxDurationSeconds, summary.MedianDurationSeconds,
            summary.P95DurationSeconds, summary.StddevDurationSeconds, summary.Cv, summary.ThroughputMbPerSecond,
        ];
        Assert.All(figures, figure => Assert.Null(figure));
    }

    [Fact]
    public void Single_run_has_figures_but_no_spread()
    {
        var summary = SummaryCalculator.Summarize([Success(1, 0.5)], uncompressedBytes: null);

        Assert.Equal(0.5, summary.MedianDurationSeconds);
        Assert.Null(summary.StddevDurationSeconds);
        Assert.Null(summary.Cv);
    }

    [Theory]
    // 250,000,000 bytes = 250 MB (10^6, not MiB); median of 1, 2, 10 is 2 s → 125 MB/s.
    [InlineData("median, not mean, of three runs", new[] { 1.0, 10.0, 2.0 }, 250_000_000L, 125.0)]
    // Median of 2 and 3 is 2.5 s; 1,048,576 bytes = 1.048576 MB → 0.4194304 MB/s.
    [InlineData("even count and a MiB-sized image", new[] { 3.0, 2.0 }, 1_048_576L, 0.4194304)]
    public void Throughput_is_uncompressed_megabytes_per_median_second(string @case, double[] durations, long bytes, double expected)
    {
        var runs = durations.Select((d, i) => Success(i + 1, d)).ToArray();

        var throughput = SummaryCalculator.Summarize(runs, bytes).ThroughputMbPerSecond;

        Assert.True(throughput is { } t && Math.Abs(t - expected) < 1e-9, $"{@case}: {throughput}");
    }

    [Fact]
    public void Throughput_is_null_when_the_uncompressed_size_is_unknown()
    {
        Assert.Null(SummaryCalculator.Summarize([Success(1, 1.0), Success(2, 2.0)], uncompressedBytes: null).ThroughputMbPerSecond);
    }

    [Fact]
    public void Throughput_is_null_rather_than_infinite_when_the_median_is_zero()
    {
        Assert.Null(SummaryCalculator.Summarize([Success(1, 0.0)], uncompressedBytes: 1000).ThroughputMbPerSecond);
    }
}
