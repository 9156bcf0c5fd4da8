namespace UnpackBench.Core.Variants;

/// <summary>
/// The ranges of the options that multiply or reshape a benchmark's runs, defined once for the
/// agent's command line, the operator's spec validation and the CRD schema.
/// </summary>
public static class VariantLimits
{
    /// <summary>Default copies unpacked at once per run.</summary>
    public const int DefaultConcurrency = 1;

    /// <summary>Most copies unpacked at once: beyond this a node starting pods is not the question any more.</summary>
    public const int MaxConcurrency = 16;

    /// <summary>Most snapshotters in one benchmark.</summary>
    public const int MaxSnapshotters = 8;

    /// <summary>The lowest zstd level a what-if variant may use.</summary>
    public const int MinZstdLevel = 1;

    /// <summary>The highest zstd level (zstd's own maximum).</summary>
    public const int MaxZstdLevel = 22;

    /// <summary>The zstd level of plain <c>zstd</c> (the zstd tool's default).</summary>
    public const int DefaultZstdLevel = 3;

    /// <summary>The lowest gzip level a what-if variant may use.</summary>
    public const int MinGzipLevel = 1;

    /// <summary>The highest gzip level.</summary>
    public const int MaxGzipLevel = 9;

    /// <summary>The link speed, Mbit/s, the pull + unpack estimate assumes by default.</summary>
    public const int DefaultLinkMbps = 1000;

    /// <summary>The slowest link the estimate accepts, Mbit/s.</summary>
    public const int MinLinkMbps = 1;

    /// <summary>The fastest link the estimate accepts, Mbit/s (400 Gbit/s).</summary>
    public const int MaxLinkMbps = 400_000;
}
