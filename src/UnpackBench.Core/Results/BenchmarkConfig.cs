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
}
