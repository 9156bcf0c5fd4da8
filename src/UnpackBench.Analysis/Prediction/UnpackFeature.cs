using UnpackBench.Core.Prediction;

namespace UnpackBench.Analysis.Prediction;

/// <summary>
/// One term the unpack-time model can use: its name in the calibration document, what it counts in a
/// layer, and the compression it is about (null for terms every layer has).
/// </summary>
/// <param name="Name">The name written into the calibration document.</param>
/// <param name="Unit">What one unit is, for people.</param>
/// <param name="Compression">The layer compression the term belongs to, or null.</param>
/// <param name="Count">The term's value for a layer (0 for layers of another compression).</param>
public sealed record UnpackFeature(string Name, string Unit, string? Compression, Func<LayerFeatures, double> Count)
{
    /// <summary>The fixed cost of a layer: prepare and commit (a metadata transaction each), starting the decompressor.</summary>
    public static UnpackFeature Layers { get; } = new("layers", "layer", null, _ => 1);

    /// <summary>Creating a regular file: create, write, chmod, chown, set times — kernel work per file.</summary>
    public static UnpackFeature Files { get; } = new("files", "file", null, l => l.Files);

    /// <summary>Creating a directory.</summary>
    public static UnpackFeature Directories { get; } = new("directories", "directory", null, l => l.Directories);

    /// <summary>Symlinks, hard links, whiteouts and device nodes: entries without content.</summary>
    public static UnpackFeature OtherEntries { get; } = new("other_entries", "entry", null, l => l.Symlinks + l.Hardlinks + l.Whiteouts + l.OtherEntries);

    /// <summary>Every byte of the tar stream: hashed for the diff ID, parsed, and (file content) written.</summary>
    public static UnpackFeature UncompressedBytes { get; } = new("uncompressed_bytes", "byte", null, l => l.UncompressedBytes);

    /// <summary>A gzip blob's bytes: read and entropy-decoded.</summary>
    public static UnpackFeature GzipCompressedBytes { get; } = new("gzip_compressed_bytes", "byte", "gzip", l => l.Compression == "gzip" ? l.CompressedBytes : 0);

    /// <summary>What a gzip layer decompresses to: its decoder's output and the pipe from unpigz.</summary>
    public static UnpackFeature GzipUncompressedBytes { get; } = new("gzip_uncompressed_bytes", "byte", "gzip", l => l.Compression == "gzip" ? l.UncompressedBytes : 0);

    /// <summary>A zstd blob's bytes.</summary>
    public static UnpackFeature ZstdCompressedBytes { get; } = new("zstd_compressed_bytes", "byte", "zstd", l => l.Compression == "zstd" ? l.CompressedBytes : 0);

    /// <summary>What a zstd layer decompresses to.</summary>
    public static UnpackFeature ZstdUncompressedBytes { get; } = new("zstd_uncompressed_bytes", "byte", "zstd", l => l.Compression == "zstd" ? l.UncompressedBytes : 0);

    /// <summary>
    /// Every term, in the order the fitter considers them: a later term that the training layers
    /// cannot tell apart from earlier ones is left out.
    /// </summary>
    public static IReadOnlyList<UnpackFeature> All { get; } =
    [
        Layers, Files, Directories, OtherEntries, UncompressedBytes,
        GzipCompressedBytes, ZstdCompressedBytes, GzipUncompressedBytes, ZstdUncompressedBytes,
    ];

    /// <summary>The compressions a layer may have; a calibration covers some of them.</summary>
    public static IReadOnlyList<string> Compressions { get; } = ["gzip", "zstd", "none"];

    /// <summary>The term called <paramref name="name"/>, or null when this version does not know it.</summary>
    public static UnpackFeature? Named(string name) => All.FirstOrDefault(f => f.Name == name);
}
