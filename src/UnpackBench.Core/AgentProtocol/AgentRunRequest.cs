namespace UnpackBench.Core.AgentProtocol;

/// <summary>
/// What <c>unpackbench-agent run</c> is asked to do: one property per option, null (or false, or empty)
/// when the option is not given. The operator's pod builder fills one from a benchmark's spec and
/// turns it into arguments with <see cref="AgentCommandLine.Arguments"/>; the agent's parser reads its
/// command line back into one. <see cref="AgentRunOptions"/> ties each property to its option.
/// </summary>
public sealed record AgentRunRequest
{
    /// <summary>The image reference to pull.</summary>
    public string? Image { get; init; }

    /// <summary>An OCI or <c>docker save</c> archive to import instead of pulling.</summary>
    public string? Archive { get; init; }

    /// <summary>Timed runs (<see cref="Benchmarks.BenchmarkLimits.Runs"/>).</summary>
    public int? Runs { get; init; }

    /// <summary>Untimed runs first (<see cref="Benchmarks.BenchmarkLimits.WarmupRuns"/>).</summary>
    public int? Warmup { get; init; }

    /// <summary>The containerd snapshotters, benchmarked in turn (empty: the default one).</summary>
    public IReadOnlyList<string> Snapshotters { get; init; } = [];

    /// <summary>Copies of the layer chain each run unpacks at once (<see cref="Benchmarks.BenchmarkLimits.Concurrency"/>).</summary>
    public int? Concurrency { get; init; }

    /// <summary>The page-cache state each run starts from: <c>warm</c>, <c>cold</c> or <c>drop</c> (<see cref="Variants.CacheModes"/>).</summary>
    public string? Cache { get; init; }

    /// <summary>Time syncfs on the snapshot filesystem after each run.</summary>
    public bool Durable { get; init; }

    /// <summary>Measure the decompression and extraction floors after the runs.</summary>
    public bool Floor { get; init; }

    /// <summary>What-if encodings, each item one name or a comma-separated list (<see cref="Variants.LayerEncoding"/>).</summary>
    public IReadOnlyList<string> WhatIf { get; init; } = [];

    /// <summary>The link speed of the pull + unpack estimate, Mbit/s (<see cref="Benchmarks.BenchmarkLimits.LinkMbps"/>).</summary>
    public int? LinkMbps { get; init; }

    /// <summary>os/arch[/variant] to pick from a multi-platform image.</summary>
    public string? Platform { get; init; }

    /// <summary>Talk plain HTTP to the registry.</summary>
    public bool PlainHttp { get; init; }

    /// <summary>Docker config.json files with registry credentials, first match wins.</summary>
    public IReadOnlyList<string> RegistryConfigs { get; init; } = [];

    /// <summary>The private containerd's state directory.</summary>
    public string? Root { get; init; }

    /// <summary>An existing containerd socket to use instead of a private containerd.</summary>
    public string? ContainerdAddress { get; init; }

    /// <summary>The directory for the result document.</summary>
    public string? Output { get; init; }

    /// <summary>Also print the result document on stdout.</summary>
    public bool Json { get; init; }

    /// <summary>The sampling interval, milliseconds (<see cref="Benchmarks.BenchmarkLimits.SampleIntervalMs"/>).</summary>
    public int? SampleIntervalMs { get; init; }

    /// <summary><c>auto</c>, <c>cgroup</c> or <c>docker</c>.</summary>
    public string? StatsSource { get; init; }

    /// <summary><c>text</c> or <c>json</c> (<see cref="AgentCommandLine.JsonLogFormat"/>, what the operator reads).</summary>
    public string? LogFormat { get; init; }

    /// <summary>Where to write the <see cref="AgentTerminationMessage"/>.</summary>
    public string? TerminationMessagePath { get; init; }
}
