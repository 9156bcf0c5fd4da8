namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// Every limit of a benchmark, defined once. The agent's command line, the <c>UnpackBenchmark</c> spec
/// validator and the operator's pod builder use these; a test checks the CRD's schema against them.
/// </summary>
public static class BenchmarkLimits
{
    /// <summary>Timed runs.</summary>
    public static IntegerLimit Runs { get; } = new(
        1, 100, 5, "a benchmark needs at least one timed run", "each run clears and re-unpacks the whole image; the median settles well before that");

    /// <summary>Untimed warm-up runs before the timed ones.</summary>
    public static IntegerLimit WarmupRuns { get; } = new(
        0, 10, 0, "zero means no warm-up", "warm-up runs are untimed and only delay the benchmark");

    /// <summary>The resource sampling interval, milliseconds.</summary>
    public static IntegerLimit SampleIntervalMs { get; } = new(
        10, 10_000, 100, "faster sampling would load the machine it measures", "slower sampling would miss short runs entirely");

    /// <summary>The whole benchmark's deadline in a cluster, seconds (one minute to one week).</summary>
    public static IntegerLimit TimeoutSeconds { get; } = new(
        60, 7 * 24 * 3600, 3600, "pulling and unpacking even a small image can take a minute", "a benchmark that needs more than a week is stuck");

    /// <summary>Independent copies of the layer chain unpacked at once in each run.</summary>
    public static IntegerLimit Concurrency { get; } = new(
        1, 16, 1, "one copy is an ordinary run", "beyond 16 pods starting together the question is the node's scheduler, not its unpack");

    /// <summary>The link speed of the pull + unpack estimate, Mbit/s (400 Gbit/s at most).</summary>
    public static IntegerLimit LinkMbps { get; } = new(
        1, 400_000, 1000, "a link slower than 1 Mbit/s makes every estimate the download alone", "no node link is faster than 400 Gbit/s");

    /// <summary>zstd levels a what-if variant may use (<c>zstd-N</c>; plain <c>zstd</c> is the default level).</summary>
    public static IntegerLimit ZstdLevel { get; } = new(
        1, 22, 3, "zstd's levels start at 1", "22 is zstd's highest level");

    /// <summary>gzip levels a what-if variant may use (<c>gzip-N</c>).</summary>
    public static IntegerLimit GzipLevel { get; } = new(
        1, 9, 6, "level 0 stores without compressing; use 'uncompressed'", "9 is gzip's highest level");

    /// <summary>The most snapshotters one benchmark runs in turn.</summary>
    public const int MaxSnapshotters = 8;

    /// <summary>The most what-if encodings one benchmark re-encodes the image into.</summary>
    public const int MaxWhatIf = 8;

    /// <summary>
    /// Agent pods of one survey (<c>placement: EachNode</c>) that exist at once. Nodes do not share disks, so
    /// parallel agents do not disturb each other's unpack; what they share is the registry they pull from
    /// (untimed) and the API server. Lower it to 1 where nodes share the storage containerd's root is on.
    /// </summary>
    public static IntegerLimit MaxParallelNodes { get; } = new(
        1, 1000, 10, "at least one node must be benchmarked at a time", "more agent pods at once load the API server and the registry without making a survey of that many nodes faster to read");

    /// <summary>
    /// The age, in days, past which a prediction warns that its calibration is stale: kernels, containerd and
    /// disks change under a node, and a calibration measures the node as it was.
    /// </summary>
    public static IntegerLimit MaxCalibrationAgeDays { get; } = new(
        1, 3650, 30, "a calibration is at least a day old before it counts as stale", "a calibration ten years old describes another machine");

    /// <summary>The longest image reference accepted.</summary>
    public const int MaxImageReferenceLength = 512;

    /// <summary>containerd snapshotter names: what containerd accepts as a plugin name, and safe in paths.</summary>
    public const string SnapshotterPattern = "^[a-z0-9][a-z0-9._-]{0,63}$";

    /// <summary>The snapshotter when none is given.</summary>
    public const string DefaultSnapshotter = "overlayfs";

    /// <summary>The most pull secrets one benchmark mounts.</summary>
    public const int MaxImagePullSecrets = 16;

    /// <summary>The most plain-HTTP registries one benchmark lists.</summary>
    public const int MaxInsecureRegistries = 16;
}
