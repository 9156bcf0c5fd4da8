namespace UnpackBench.Core.Results;

/// <summary>What the benchmark was asked to do.</summary>
public sealed record BenchmarkConfig
{
    /// <summary>The image as the user named it (reference or archive path).</summary>
    public required string TargetImage { get; init; }

    /// <summary>Timed runs requested.</summary>
    public required int NumRuns { get; init; }

    /// <summary>When the benchmark started, UTC, ISO 8601.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The containerd snapshotter unpacked into (overlayfs, native, …).</summary>
    public required string Snapshotter { get; init; }

    /// <summary>How the image was acquired: <c>pull</c> or <c>archive</c>.</summary>
    public required string Source { get; init; }

    /// <summary>Untimed runs made before the timed ones.</summary>
    public required int WarmupRuns { get; init; }

    /// <summary>The platform asked for, os/arch[/variant].</summary>
    public required string Platform { get; init; }

    /// <summary>Where resource figures came from: <c>cgroup-v1</c>, <c>cgroup-v2</c>, <c>docker</c> or <c>none</c>.</summary>
    public string StatsSource { get; init; } = "none";

    /// <summary>The resource sampling interval, milliseconds.</summary>
    public int SampleIntervalMs { get; init; }

    /// <summary>Every snapshotter benchmarked, in the order run; <see cref="Snapshotter"/> is the first.</summary>
    public IReadOnlyList<string> Snapshotters { get; init; } = [];

    /// <summary>Copies of the image's layer chain unpacked at the same time in each run.</summary>
    public int Concurrency { get; init; } = Benchmarks.BenchmarkLimits.Concurrency.Default;

    /// <summary>The page-cache state each run started from: <c>warm</c>, <c>cold</c> or <c>drop</c>.</summary>
    public string CacheMode { get; init; } = "warm";

    /// <summary>Whether each run's writeback was timed separately (<c>sync_seconds</c>).</summary>
    public bool Durable { get; init; }

    /// <summary>Whether the floors were measured after the runs.</summary>
    public bool Floor { get; init; }

    /// <summary>The what-if encodings benchmarked besides the original.</summary>
    public IReadOnlyList<string> WhatIf { get; init; } = [];

    /// <summary>The link speed, Mbit/s, of the pull + unpack estimate.</summary>
    public int LinkMbps { get; init; } = Benchmarks.BenchmarkLimits.LinkMbps.Default;
}
