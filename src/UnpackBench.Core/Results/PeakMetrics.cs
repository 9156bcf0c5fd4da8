namespace UnpackBench.Core.Results;

/// <summary>
/// Resource peaks of containerd (and what it spawns) during a run's timed window. Null means not
/// measured, never zero.
/// </summary>
public sealed record PeakMetrics
{
    /// <summary>Highest CPU use, percent of one core (237 means 2.37 cores).</summary>
    public double? CpuPeakPercent { get; init; }

    /// <summary>Highest memory use, MiB.</summary>
    public double? MemoryPeakMb { get; init; }

    /// <summary>Highest number of processes and threads.</summary>
    public int? PidPeakCount { get; init; }
}
