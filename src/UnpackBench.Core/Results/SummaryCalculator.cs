using UnpackBench.Core.Statistics;

namespace UnpackBench.Core.Results;

/// <summary>Turns the runs of a benchmark into its summary.</summary>
public static class SummaryCalculator
{
    private const double BytesPerMb = 1_000_000;

    /// <summary>
    /// Summarises the successful runs; throughput is the uncompressed size divided by the median
    /// duration, and is null when the size is unknown.
    /// </summary>
    public static BenchmarkSummary Summarize(IReadOnlyList<RunResult> runs, long? uncompressedBytes)
    {
        var durations = runs
            .Where(r => r.Status == RunResult.Success && r.DurationSeconds is not null)
            .Select(r => r.DurationSeconds!.Value)
            .ToList();
        var stats = DurationStatistics.Compute(durations);
        return new BenchmarkSummary
        {
            SuccessfulRuns = durations.Count,
            FailedRuns = runs.Count - durations.Count,
            AvgDurationSeconds = stats?.Mean,
            MinDurationSeconds = stats?.Min,
            MaxDurationSeconds = stats?.Max,
            MedianDurationSeconds = stats?.Median,
            P95DurationSeconds = stats?.P95,
            StddevDurationSeconds = stats?.StdDev,
            Cv = stats?.Cv,
            ThroughputMbPerSecond = stats is { Median: > 0 } && uncompressedBytes is { } bytes
                ? bytes / BytesPerMb / stats.Median
                : null,
        };
    }
}
