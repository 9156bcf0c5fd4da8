using UnpackBench.Core.Statistics;

namespace UnpackBench.Core.Results;

/// <summary>Turns the runs of a benchmark into its summary.</summary>
public static class SummaryCalculator
{
    private const double BytesPerMb = 1_000_000;

    /// <summary>
    /// Summarises the successful runs; throughput is the uncompressed size divided by the median
    /// duration, and is null when the size is unknown. With <paramref name="copies"/> above 1 the
    /// durations are wall times of that many copies, and the aggregate throughput counts them all.
    /// </summary>
    public static BenchmarkSummary Summarize(IReadOnlyList<RunResult> runs, long? uncompressedBytes, int copies = 1)
    {
        var successful = runs.Where(r => r.Status == RunResult.Success && r.DurationSeconds is not null).ToList();
        var durations = successful.Select(r => r.DurationSeconds!.Value).ToList();
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
            AvgCpuSeconds = Mean(successful, r => r.Metrics?.CpuSeconds),
            MaxCpuSeconds = successful.Max(r => r.Metrics?.CpuSeconds),
            AvgCpuPeakPercent = Mean(successful, r => r.PeakMetrics.CpuPeakPercent),
            MaxCpuPeakPercent = successful.Max(r => r.PeakMetrics.CpuPeakPercent),
            AvgMemoryPeakMb = Mean(successful, r => r.PeakMetrics.MemoryPeakMb),
            MaxMemoryPeakMb = successful.Max(r => r.PeakMetrics.MemoryPeakMb),
            MaxPidPeakCount = successful.Max(r => r.PeakMetrics.PidPeakCount),
            AvgIoReadBytes = Mean(successful, r => r.Metrics?.IoReadBytes),
            AvgIoWriteBytes = Mean(successful, r => r.Metrics?.IoWriteBytes),
            Efficiency = Median(successful, r => r.Efficiency),
            OverheadVsTar = Median(successful, r => r.OverheadVsTar),
            MedianDurableSeconds = Median(successful, r => r.DurableSeconds),
            AggregateThroughputMbPerSecond = copies > 1 && stats is { Median: > 0 } && uncompressedBytes is { } all
                ? copies * all / BytesPerMb / stats.Median
                : null,
        };
    }

    /// <summary>Copies × uncompressed MB over one run's wall time; null when either is unknown.</summary>
    public static double? AggregateThroughput(int copies, long? uncompressedBytes, double? wallSeconds) =>
        uncompressedBytes is { } bytes && wallSeconds is > 0 ? copies * bytes / BytesPerMb / wallSeconds.Value : null;

    // The median over runs that have the figure; null when none has it.
    private static double? Median(IEnumerable<RunResult> runs, Func<RunResult, double?> figure)
    {
        var values = runs.Select(figure).Where(v => v is not null).Select(v => v!.Value).Order().ToArray();
        return values.Length == 0 ? null : DurationStatistics.Percentile(values, 0.5);
    }

    // The mean over runs that have the figure; null when none has it, so "not measured" never reads as zero.
    private static double? Mean(IEnumerable<RunResult> runs, Func<RunResult, double?> figure)
    {
        var values = runs.Select(figure).Where(v => v is not null).Select(v => v!.Value).ToList();
        return values.Count == 0 ? null : values.Average();
    }

    private static double? Mean(IEnumerable<RunResult> runs, Func<RunResult, long?> figure) =>
        Mean(runs, r => (double?)figure(r));
}
