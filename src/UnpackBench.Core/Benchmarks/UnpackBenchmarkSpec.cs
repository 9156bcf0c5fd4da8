using System.Text.Json.Serialization;

namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// What an <c>UnpackBenchmark</c> asks for: the image, how many runs, which snapshotter, where to run
/// and where containerd keeps its state. The CRD's OpenAPI schema validates ranges and defaults;
/// <see cref="UnpackBenchmarkSpecValidator"/> checks what a schema cannot (reference syntax, platform).
/// </summary>
public sealed record UnpackBenchmarkSpec
{
    /// <summary>The image reference to benchmark.</summary>
    public string Image { get; init; } = "";

    /// <summary>Timed runs (<see cref="BenchmarkLimits.Runs"/>).</summary>
    public int Runs { get; init; } = BenchmarkLimits.Runs.Default;

    /// <summary>Untimed runs first (<see cref="BenchmarkLimits.WarmupRuns"/>).</summary>
    public int WarmupRuns { get; init; } = BenchmarkLimits.WarmupRuns.Default;

    /// <summary>containerd snapshotter (when <see cref="Snapshotters"/> is empty).</summary>
    public string Snapshotter { get; init; } = BenchmarkLimits.DefaultSnapshotter;

    /// <summary>Several snapshotters, benchmarked in turn in one pod; when set, it replaces <see cref="Snapshotter"/>.</summary>
    public IReadOnlyList<string> Snapshotters { get; init; } = [];

    /// <summary>Independent copies of the layer chain unpacked at once per run (<see cref="BenchmarkLimits.Concurrency"/>).</summary>
    public int Concurrency { get; init; } = BenchmarkLimits.Concurrency.Default;

    /// <summary>The page-cache state each run starts from: <c>warm</c>, <c>cold</c> or <c>drop</c> (privileged, node-wide).</summary>
    public string Cache { get; init; } = "warm";

    /// <summary>Time syncfs on the snapshot filesystem after each run.</summary>
    public bool Durable { get; init; }

    /// <summary>Measure the decompression and extraction floors after the runs.</summary>
    public bool Floor { get; init; }

    /// <summary>What-if encodings to benchmark besides the original (<c>zstd</c>, <c>zstd-N</c>, <c>uncompressed</c>, <c>gzip-N</c>).</summary>
    public IReadOnlyList<string> WhatIf { get; init; } = [];

    /// <summary>The link speed of the pull + unpack estimate, Mbit/s (<see cref="BenchmarkLimits.LinkMbps"/>).</summary>
    public int LinkMbps { get; init; } = BenchmarkLimits.LinkMbps.Default;

    /// <summary>The snapshotters to run, in order: <see cref="Snapshotters"/>, or <see cref="Snapshotter"/> alone.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> EffectiveSnapshotters => Snapshotters.Count > 0 ? Snapshotters : [Snapshotter];

    /// <summary>os/arch[/variant] to pick from a multi-platform image; the node's own when empty.</summary>
    public string? Platform { get; init; }

    /// <summary>Secrets of type kubernetes.io/dockerconfigjson with registry credentials.</summary>
    public IReadOnlyList<LocalObjectReference> ImagePullSecrets { get; init; } = [];

    /// <summary>Registries (host[:port]) to talk to over plain HTTP.</summary>
    public IReadOnlyList<string> InsecureRegistries { get; init; } = [];

    /// <summary>Run on exactly this node.</summary>
    public string? NodeName { get; init; }

    /// <summary>Run on a node with these labels.</summary>
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = new Dictionary<string, string>();

    /// <summary>Tolerations for tainted nodes, as in a pod spec (passed through unchanged).</summary>
    public IReadOnlyList<System.Text.Json.Nodes.JsonObject> Tolerations { get; init; } = [];

    /// <summary>Where containerd's root lives.</summary>
    public BenchmarkStorage Storage { get; init; } = new();

    /// <summary>Resource sampling interval during runs (<see cref="BenchmarkLimits.SampleIntervalMs"/>).</summary>
    public int SampleIntervalMs { get; init; } = BenchmarkLimits.SampleIntervalMs.Default;

    /// <summary>The whole benchmark's deadline, from the agent pod's start (<see cref="BenchmarkLimits.TimeoutSeconds"/>).</summary>
    public int TimeoutSeconds { get; init; } = BenchmarkLimits.TimeoutSeconds.Default;

    /// <summary>The agent container's resources, as in a pod spec (passed through unchanged).</summary>
    public System.Text.Json.Nodes.JsonObject? Resources { get; init; }

    /// <summary>One node, chosen by the scheduler (the default), or every node the selector and tolerations admit.</summary>
    public BenchmarkPlacement Placement { get; init; } = BenchmarkPlacement.OneNode;

    /// <summary>With <see cref="BenchmarkPlacement.EachNode"/>: agent pods at once (<see cref="BenchmarkLimits.MaxParallelNodes"/>).</summary>
    public int MaxParallelNodes { get; init; } = BenchmarkLimits.MaxParallelNodes.Default;

    /// <summary>Benchmark the image (the default), calibrate each node, or predict the image from the nodes' calibrations.</summary>
    public BenchmarkMode Mode { get; init; } = BenchmarkMode.Benchmark;

    /// <summary>With <see cref="BenchmarkMode.Calibrate"/>: the calibration set and its runs (the agent's defaults when absent).</summary>
    public CalibrationSpec? Calibration { get; init; }

    /// <summary>With <see cref="BenchmarkMode.Predict"/>: when a calibration counts as stale.</summary>
    public PredictionSpec? Prediction { get; init; }
    /// <summary>What the benchmark is compared with once it succeeds; null for no comparison.</summary>
    public BenchmarkBaseline? Baseline { get; init; }
}

/// <summary>Where a benchmark runs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BenchmarkPlacement>))]
public enum BenchmarkPlacement
{
    /// <summary>One agent pod on one node: <c>nodeName</c>, or the node the scheduler picks.</summary>
    OneNode,

    /// <summary>A survey: one agent pod on each node that <c>nodeSelector</c> and <c>tolerations</c> admit, at most <c>maxParallelNodes</c> at once.</summary>
    EachNode,
}

/// <summary>A reference to an object in the same namespace, by name.</summary>
public sealed record LocalObjectReference
{
    /// <summary>The object's name.</summary>
    public string Name { get; init; } = "";
}

/// <summary>
/// The volume for containerd's root: an emptyDir (fresh every time: every benchmark downloads the
/// image), a hostPath or a PersistentVolumeClaim (a content cache that survives benchmarks).
/// </summary>
public sealed record BenchmarkStorage
{
    /// <summary><c>EmptyDir</c>, <c>HostPath</c> or <c>PersistentVolumeClaim</c>.</summary>
    public StorageType Type { get; init; } = StorageType.EmptyDir;

    /// <summary>The node directory when <see cref="Type"/> is HostPath.</summary>
    public string? HostPath { get; init; }

    /// <summary>The claim when <see cref="Type"/> is PersistentVolumeClaim.</summary>
    public string? ClaimName { get; init; }

    /// <summary>Size limit of the emptyDir (a Kubernetes quantity such as <c>20Gi</c>).</summary>
    public string? SizeLimit { get; init; }
}

/// <summary>Kinds of volume for containerd's root.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StorageType>))]
public enum StorageType
{
    /// <summary>An emptyDir volume.</summary>
    EmptyDir,

    /// <summary>A directory on the node.</summary>
    HostPath,

    /// <summary>A PersistentVolumeClaim.</summary>
    PersistentVolumeClaim,
}
