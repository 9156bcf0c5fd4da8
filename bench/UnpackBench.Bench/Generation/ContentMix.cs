namespace UnpackBench.Bench.Generation;

/// <summary>
/// What a generated file is made of, segment by segment: pseudo-random bytes (compiled code and compressed data,
/// which gzip cannot shrink), zeros (padding and sparse tables), and text-like bytes (sources, scripts, symbol
/// tables — everything else), which gzip shrinks about threefold.
/// </summary>
internal sealed record ContentMix(double RandomShare, double ZeroShare)
{
    /// <summary>Configuration files and scripts.</summary>
    public static ContentMix Text { get; } = new(0, 0);

    /// <summary>Small libraries, modules and headers.</summary>
    public static ContentMix Small { get; } = new(0.10, 0.05);

    /// <summary>Shared objects and archives.</summary>
    public static ContentMix Medium { get; } = new(0.20, 0.10);

    /// <summary>Big binaries and data files.</summary>
    public static ContentMix Large { get; } = new(0.30, 0.15);
}
