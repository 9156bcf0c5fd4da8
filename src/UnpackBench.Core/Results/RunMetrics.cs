namespace UnpackBench.Core.Results;

/// <summary>
/// What containerd (and the processes it spawned) consumed during one run's timed window. Totals
/// are exact counter deltas where the kernel keeps counters; the series is sampled. Null means not
/// available here, never zero.
/// </summary>
public sealed record RunMetrics
{
    /// <summary>Where the figures come from: <c>cgroup-v1</c>, <c>cgroup-v2</c> or <c>docker</c>.</summary>
    public required string Source { get; init; }

    /// <summary>CPU time, seconds (user + system), from the counter delta.</summary>
    public double? CpuSeconds { get; init; }

    /// <summary>CPU time in user mode, seconds.</summary>
    public double? CpuUserSeconds { get; init; }

    /// <summary>CPU time in kernel mode, seconds.</summary>
    public double? CpuSystemSeconds { get; init; }

    /// <summary>Bytes read from block devices during the window.</summary>
    public long? IoReadBytes { get; init; }

    /// <summary>Bytes written to block devices during the window (most of the unpack's writes land later, at write-back).</summary>
    public long? IoWriteBytes { get; init; }

    /// <summary>The kernel's memory peak, MiB, page cache included.</summary>
    public double? MemoryMaxUsageMb { get; init; }

    /// <summary>
    /// <c>window</c> when the peak was reset at the start of the run, <c>high_water_mark</c> when the
    /// kernel could not reset it (the peak since containerd started).
    /// </summary>
    public string? MemoryMaxUsageKind { get; init; }

    /// <summary>The sampling interval, milliseconds.</summary>
    public required int SampleIntervalMs { get; init; }

    /// <summary>Samples taken during the window, before downsampling.</summary>
    public required int SampleCount { get; init; }

    /// <summary>CPU time the agent's sampler itself spent during the window, seconds (its overhead, not containerd's).</summary>
    public double? SamplerCpuSeconds { get; init; }

    /// <summary>The sampled series, at most 200 points, times relative to the run's start.</summary>
    public IReadOnlyList<MetricsSample> Series { get; init; } = [];
}

/// <summary>One point of a run's sampled series.</summary>
public sealed record MetricsSample
{
    /// <summary>Seconds since the timed window opened.</summary>
    public required double T { get; init; }

    /// <summary>CPU use since the previous sample, percent of one core (237 = 2.37 cores).</summary>
    public double? CpuPercent { get; init; }

    /// <summary>Memory in use without reclaimable page cache (as <c>docker stats</c> shows it), MiB.</summary>
    public double? MemoryMb { get; init; }

    /// <summary>Processes and threads.</summary>
    public int? Pids { get; init; }
}
