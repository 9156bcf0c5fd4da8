using UnpackBench.Core.Prediction;

namespace UnpackBench.Analysis.Prediction;

/// <summary>
/// One term the unpack-time model can use: its name in the calibration document, what it counts in a
/// layer, and the compression it is about (null for terms every layer has).
/// </summary>
/// <param name="Name">The name written into the calibration document.</param>
/// <param name="Unit">What one unit is, for people.</param>
/// <param name="Compression">The layer compression the term belongs to, or null.</param>
/// <param name="Count">The term's value for a layer at a position in its image (1: the base layer, unpacked first); 0 for layers of another compression.</param>
public sealed record UnpackFeature(string Name, string Unit, string? Compression, Func<LayerFeatures, int, double> Count)
{
    /// <summary>The fixed cost of a layer: prepare and commit (a metadata transaction each), opening the blob.</summary>
    public static UnpackFeature Layers { get; } = new("layers", "layer", null, (_, _) => 1);

    /// <summary>
    /// The fixed cost of an unpack, paid by its first layer: after the page cache is dropped, that layer
    /// reads the decompressor and containerd's colder code back from disk (about 2 ms per unpack on a 2-core VM).
    /// </summary>
    public static UnpackFeature Unpacks { get; } = new("unpacks", "unpack", null, (_, position) => position == 1 ? 1 : 0);

    /// <summary>Creating a regular file: create, write, chmod, chown, set times — kernel work per file.</summary>
    public static UnpackFeature Files { get; } = new("files", "file", null, (l, _) => l.Files);

    /// <summary>Creating a directory.</summary>
    public static UnpackFeature Directories { get; } = new("directories", "directory", null, (l, _) => l.Directories);

    /// <summary>Symlinks, hard links, whiteouts and device nodes: entries without content.</summary>
    public static UnpackFeature OtherEntries { get; } = new("other_entries", "entry", null, (l, _) => l.Symlinks + l.Hardlinks + l.Whiteouts + l.OtherEntries);

    /// <summary>
    /// Resolving entries' parent paths: containerd walks each one a component at a time, and every system
    /// call on the entry walks it again — 3,000 files twelve directories deep unpack 1.5× slower than in one.
    /// </summary>
    public static UnpackFeature PathComponents { get; } = new("path_components", "path component", null, (l, _) => l.PathComponents);

    /// <summary>Every byte of the tar stream: hashed for the diff ID, parsed, and (file content) written.</summary>
    public static UnpackFeature UncompressedBytes { get; } = new("uncompressed_bytes", "byte", null, (l, _) => l.UncompressedBytes);

    /// <summary>A gzip blob's bytes: read and entropy-decoded.</summary>
    public static UnpackFeature GzipCompressedBytes { get; } = new("gzip_compressed_bytes", "byte", "gzip", (l, _) => l.Compression == "gzip" ? l.CompressedBytes : 0);

    /// <summary>What a gzip layer decompresses to: its decoder's output and the pipe from unpigz.</summary>
    public static UnpackFeature GzipUncompressedBytes { get; } = new("gzip_uncompressed_bytes", "byte", "gzip", (l, _) => l.Compression == "gzip" ? l.UncompressedBytes : 0);

    /// <summary>A zstd blob's bytes.</summary>
    public static UnpackFeature ZstdCompressedBytes { get; } = new("zstd_compressed_bytes", "byte", "zstd", (l, _) => l.Compression == "zstd" ? l.CompressedBytes : 0);

    /// <summary>What a zstd layer decompresses to.</summary>
    public static UnpackFeature ZstdUncompressedBytes { get; } = new("zstd_uncompressed_bytes", "byte", "zstd", (l, _) => l.Compression == "zstd" ? l.UncompressedBytes : 0);

    /// <summary>A gzip layer's own fixed cost: containerd starts an unpigz process for each one.</summary>
    public static UnpackFeature GzipLayers { get; } = new("gzip_layers", "gzip layer", "gzip", (l, _) => l.Compression == "gzip" ? 1 : 0);

    /// <summary>
    /// A gzip layer's entries: containerd reads each one from unpigz's pipe, a process switch away — the same
    /// 4,000 files cost 20–30 µs more each as gzip than as zstd or uncompressed.
    /// </summary>
    public static UnpackFeature GzipEntries { get; } = new("gzip_entries", "gzip entry", "gzip", (l, _) => l.Compression == "gzip" ? l.Entries : 0);

    /// <summary>A zstd layer's own fixed cost: containerd sets up a zstd decoder (its buffers and workers) for each one.</summary>
    public static UnpackFeature ZstdLayers { get; } = new("zstd_layers", "zstd layer", "zstd", (l, _) => l.Compression == "zstd" ? 1 : 0);

    /// <summary>
    /// Every term, in the order the fitter considers them: a later term that the training layers
    /// cannot tell apart from earlier ones is left out.
    /// </summary>
    public static IReadOnlyList<UnpackFeature> All { get; } =
    [
        Layers, Unpacks, Files, Directories, OtherEntries, PathComponents, UncompressedBytes,
        GzipCompressedBytes, ZstdCompressedBytes, GzipUncompressedBytes, ZstdUncompressedBytes, GzipLayers, ZstdLayers, GzipEntries,
    ];

    /// <summary>The compressions a layer may have; a calibration covers some of them.</summary>
    public static IReadOnlyList<string> Compressions { get; } = ["gzip", "zstd", "none"];

    /// <summary>The term called <paramref name="name"/>, or null when this version does not know it.</summary>
    public static UnpackFeature? Named(string name) => All.FirstOrDefault(f => f.Name == name);
}
