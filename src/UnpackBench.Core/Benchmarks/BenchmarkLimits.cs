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
