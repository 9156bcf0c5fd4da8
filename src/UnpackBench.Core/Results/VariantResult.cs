namespace UnpackBench.Core.Results;

/// <summary>
/// One combination of snapshotter and layer encoding, benchmarked with the same clean → verify →
/// timed unpack → verify loop as every benchmark. The first variant (the first snapshotter, the
/// original encoding) is also the document's top-level <c>summary</c> and <c>runs</c>.
/// </summary>
public sealed record VariantResult
{
    /// <summary>Status of a variant that ran.</summary>
    public const string Success = "success";

    /// <summary>Status of a variant that could not run (e.g. its snapshotter is not available).</summary>
    public const string Failed = "failed";

    /// <summary>The snapshotter unpacked into.</summary>
    public required string Snapshotter { get; init; }

    /// <summary><c>original</c>, <c>zstd</c>, <c>zstd-N</c>, <c>uncompressed</c> or <c>gzip-N</c>.</summary>
    public required string Encoding { get; init; }

    /// <summary><see cref="Success"/> or <see cref="Failed"/>.</summary>
    public required string Status { get; init; }

    /// <summary>Why the variant could not run; null when it ran.</summary>
    public string? Error { get; init; }

    /// <summary>What containerd decompressed with: <c>unpigz</c>, <c>builtin</c>, <c>zstd</c> or <c>none</c>.</summary>
    public string? Decompressor { get; init; }

    /// <summary>The variant's layer blobs.</summary>
    public IReadOnlyList<VariantLayer> Layers { get; init; } = [];

    /// <summary>Sum of the layer blobs' sizes.</summary>
    public long CompressedBytes { get; init; }

    /// <summary>Statistics over the variant's successful runs.</summary>
    public required BenchmarkSummary Summary { get; init; }

    /// <summary>The variant's timed runs; run ids start at 1 in every variant.</summary>
    public IReadOnlyList<RunResult> Runs { get; init; } = [];

    /// <summary>The floors under this variant's runs (with <c>--floor</c>).</summary>
    public FloorMeasurement? Floors { get; init; }

    /// <summary>How much faster than the original encoding on the same snapshotter; null for the original.</summary>
    public SpeedupEstimate? Speedup { get; init; }

    /// <summary>Compressed bytes over the link plus the median unpack (when what-if ran).</summary>
    public double? PullPlusUnpackSeconds { get; init; }
}

/// <summary>One layer blob of a variant.</summary>
public sealed record VariantLayer
{
    /// <summary>The blob's digest.</summary>
    public required string Digest { get; init; }

    /// <summary>The uncompressed tar's digest, equal in every variant.</summary>
    public required string DiffId { get; init; }

    /// <summary>The blob's media type.</summary>
    public required string MediaType { get; init; }

    /// <summary>The blob's size.</summary>
    public required long CompressedBytes { get; init; }
}

/// <summary>
/// median(original) / median(variant) with a distribution-free confidence interval: above 1 the
/// variant unpacks faster. The bounds are null when there were too few runs for an interval.
/// </summary>
public sealed record SpeedupEstimate
{
    /// <summary>The ratio of medians.</summary>
    public required double Ratio { get; init; }

    /// <summary>Lower bound of the interval.</summary>
    public double? Lower { get; init; }

    /// <summary>Upper bound of the interval.</summary>
    public double? Upper { get; init; }

    /// <summary>The interval's confidence level, e.g. 0.95.</summary>
    public required double ConfidenceLevel { get; init; }
}
