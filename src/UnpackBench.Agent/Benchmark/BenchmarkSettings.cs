using UnpackBench.Agent.Sampling;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Images;
using UnpackBench.Core.References;
using UnpackBench.Core.Variants;

namespace UnpackBench.Agent.Benchmark;

/// <summary>A validated benchmark request: every value checked, defaults applied.</summary>
internal sealed record BenchmarkSettings
{
    /// <summary>The image to pull, or null when an archive is given.</summary>
    public ImageReference? Image { get; init; }

    /// <summary>The archive to import, or null when an image reference is given.</summary>
    public string? ArchivePath { get; init; }

    /// <summary>Timed runs.</summary>
    public required int Runs { get; init; }

    /// <summary>Untimed runs before the timed ones.</summary>
    public required int WarmupRuns { get; init; }

    /// <summary>containerd snapshotter to unpack into; the first of <see cref="Snapshotters"/>.</summary>
    public required string Snapshotter { get; init; }

    /// <summary>Every snapshotter to benchmark, in order; just <see cref="Snapshotter"/> unless several were asked for.</summary>
    public IReadOnlyList<string> Snapshotters
    {
        get => _snapshotters is { Count: > 0 } list ? list : [Snapshotter];
        init => _snapshotters = value;
    }

    /// <summary>Independent copies of the layer chain each timed run unpacks at the same time.</summary>
    public int Concurrency { get; init; } = BenchmarkLimits.Concurrency.Default;

    /// <summary>The page-cache state each timed run starts from.</summary>
    public CacheMode CacheMode { get; init; } = CacheMode.Warm;

    /// <summary>Time syncfs on the snapshot filesystem after each timed unpack.</summary>
    public bool Durable { get; init; }

    /// <summary>Measure the decompression and extraction floors after the timed runs.</summary>
    public bool Floor { get; init; }

    /// <summary>Encodings to re-encode the image into and benchmark besides the original.</summary>
    public IReadOnlyList<LayerEncoding> WhatIf { get; init; } = [];

    /// <summary>The link speed, Mbit/s, of the pull + unpack estimate.</summary>
    public int LinkMbps { get; init; } = BenchmarkLimits.LinkMbps.Default;

    /// <summary>The platform to pick from a multi-platform image.</summary>
    public required Platform Platform { get; init; }

    /// <summary>Whether the platform was chosen by the user rather than defaulted to the machine's.</summary>
    public required bool PlatformExplicit { get; init; }

    /// <summary>Talk plain HTTP to the registry.</summary>
    public bool PlainHttp { get; init; }

    /// <summary>Docker config.json files with registry credentials, consulted in order.</summary>
    public IReadOnlyList<string> RegistryConfigs { get; init; } = [];

    /// <summary>Where the private containerd keeps its state (absolute).</summary>
    public required string RootDirectory { get; init; }

    /// <summary>Socket of an existing containerd to use instead of a private one.</summary>
    public string? ContainerdAddress { get; init; }

    /// <summary>Where result documents are written (absolute).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Also print the result document on stdout.</summary>
    public bool PrintJson { get; init; }

    /// <summary>How often containerd's resource use is sampled during a run.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Where resource figures come from.</summary>
    public StatsSource StatsSource { get; init; } = StatsSource.Auto;

    /// <summary>Progress as human text or as one JSON event per line (for the operator).</summary>
    public bool JsonLog { get; init; }

    /// <summary>Where to write a short outcome when the agent exits (a pod's termination message file).</summary>
    public string? TerminationMessagePath { get; init; }

    /// <summary>What the user named: the reference as typed, or the archive path.</summary>
    public string Target => Image?.ToString() ?? ArchivePath!;

    private readonly IReadOnlyList<string>? _snapshotters;
}
