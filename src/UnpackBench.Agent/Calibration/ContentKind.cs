namespace UnpackBench.Agent.Calibration;

/// <summary>
/// What a calibration file is made of. Compressors work very differently on each, so the calibration
/// spans them: the model can then tell a cost per compressed byte from a cost per uncompressed one.
/// </summary>
internal enum ContentKind
{
    /// <summary>Pseudo-random bytes (compiled code, already-compressed data): gzip and zstd cannot shrink them.</summary>
    Random,

    /// <summary>Text-like words (sources, scripts, configuration): gzip shrinks them about threefold.</summary>
    Text,

    /// <summary>Zeros (padding, sparse tables): shrink to almost nothing.</summary>
    Zeros,

    /// <summary>8 KiB segments of each, 30 % random, 15 % zeros, the rest text: what a typical image layer holds (about 2× with gzip).</summary>
    Mixed,
}
