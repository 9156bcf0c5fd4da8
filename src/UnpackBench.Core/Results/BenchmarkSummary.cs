using System.Text.Json.Serialization;

namespace UnpackBench.Core.Results;

/// <summary>
/// Statistics over the successful runs. Duration figures are null when no run succeeded, so a
/// failed benchmark never shows zeros that look measured.
/// </summary>
public sealed record BenchmarkSummary
{
    /// <summary>Runs that unpacked and verified.</summary>
    public required int SuccessfulRuns { get; init; }

    /// <summary>Runs that failed a check or an unpack step.</summary>
    public required int FailedRuns { get; init; }

    /// <summary>Mean duration.</summary>
    public double? AvgDurationSeconds { get; init; }

    /// <summary>Fastest run.</summary>
    public double? MinDurationSeconds { get; init; }

    /// <summary>Slowest run.</summary>
    public double? MaxDurationSeconds { get; init; }

    /// <summary>Median duration, the figure to compare.</summary>
    public double? MedianDurationSeconds { get; init; }

    /// <summary>95th percentile, linearly interpolated.</summary>
    public double? P95DurationSeconds { get; init; }

    /// <summary>Sample standard deviation; null below two runs.</summary>
    public double? StddevDurationSeconds { get; init; }

    /// <summary>Coefficient of variation (stddev / mean).</summary>
    public double? Cv { get; init; }

    /// <summary>Uncompressed image bytes per second at the median, in MB (10^6 bytes).</summary>
    public double? ThroughputMbPerSecond { get; init; }

    /// <summary>Mean CPU seconds containerd used per run.</summary>
    public double? AvgCpuSeconds { get; init; }

    /// <summary>Most CPU seconds of any run.</summary>
    public double? MaxCpuSeconds { get; init; }

    /// <summary>Mean of the runs' CPU peaks, percent of one core.</summary>
    public double? AvgCpuPeakPercent { get; init; }

    /// <summary>Highest CPU peak of any run.</summary>
    public double? MaxCpuPeakPercent { get; init; }

    /// <summary>Mean of the runs' memory peaks, MiB.</summary>
    public double? AvgMemoryPeakMb { get; init; }

    /// <summary>Highest memory peak of any run, MiB.</summary>
    public double? MaxMemoryPeakMb { get; init; }

    /// <summary>Highest process/thread count of any run.</summary>
    public int? MaxPidPeakCount { get; init; }

    /// <summary>Mean bytes read from block devices per run.</summary>
    public double? AvgIoReadBytes { get; init; }

    /// <summary>Mean bytes written to block devices per run.</summary>
    public double? AvgIoWriteBytes { get; init; }

    /// <summary>With <c>--floor</c>, the median of the runs' efficiency.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Efficiency { get; init; }

    /// <summary>With <c>--floor</c>, the median of the runs' overhead against plain tar.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? OverheadVsTar { get; init; }

    /// <summary>With <c>--durable</c>, the median of the runs' durable time (unpack + syncfs).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MedianDurableSeconds { get; init; }

    /// <summary>With concurrency above 1, copies × uncompressed MB divided by the median wall time.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? AggregateThroughputMbPerSecond { get; init; }

    /// <summary>Whether the runs trend with the run index; absent below three successful runs.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DriftFinding? Drift { get; init; }

    /// <summary>Whether run 1 was much slower than the others; absent below two successful runs or when run 1 failed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FirstRunFinding? FirstRunEffect { get; init; }
}
