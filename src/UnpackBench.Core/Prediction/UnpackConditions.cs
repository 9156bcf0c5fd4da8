namespace UnpackBench.Core.Prediction;

/// <summary>
/// The conditions an unpack time holds for. A calibration is valid for runs under the same
/// conditions; both the calibration and the prediction record them, and a difference is reported.
/// </summary>
public sealed record UnpackConditions
{
    /// <summary>The containerd snapshotter (overlayfs, native, …).</summary>
    public required string Snapshotter { get; init; }

    /// <summary>The page-cache state each timed run started from: <c>warm</c>, <c>cold</c> or <c>drop</c>.</summary>
    public required string CacheMode { get; init; }

    /// <summary>What decompressed gzip layers: <c>unpigz</c> or <c>builtin</c>.</summary>
    public required string Decompressor { get; init; }

    /// <summary>containerd's version.</summary>
    public required string ContainerdVersion { get; init; }

    /// <summary>The kernel release.</summary>
    public required string Kernel { get; init; }
}
