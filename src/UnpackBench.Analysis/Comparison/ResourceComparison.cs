using UnpackBench.Core.Results;
using UnpackBench.Core.Statistics;

namespace UnpackBench.Analysis.Comparison;

/// <summary>What the unpacks cost containerd on each side, as medians over successful runs.</summary>
/// <param name="CpuSeconds">CPU seconds containerd (and unpigz) used per run.</param>
/// <param name="MemoryPeakMb">containerd's memory peak per run, MiB (without reclaimable page cache).</param>
public sealed record ResourceComparison(FigureChange CpuSeconds, FigureChange MemoryPeakMb)
{
    /// <summary>Compares the resource figures of two documents.</summary>
    public static ResourceComparison Of(BenchmarkResult baseline, BenchmarkResult candidate) => new(
        new FigureChange(Median(baseline, r => r.Metrics?.CpuSeconds), Median(candidate, r => r.Metrics?.CpuSeconds)),
        new FigureChange(Median(baseline, r => r.PeakMetrics.MemoryPeakMb), Median(candidate, r => r.PeakMetrics.MemoryPeakMb)));

    private static double? Median(BenchmarkResult result, Func<RunResult, double?> figure)
    {
        double[] values = [.. SuccessfulRuns.Of(result).Select(figure).OfType<double>().Order()];
        return values.Length == 0 ? null : DurationStatistics.Percentile(values, 0.5);
    }
}
