namespace UnpackBench.Bench.Generation;

/// <summary>
/// A generated image archive in the cache and what it holds; kept as JSON next to the archive, so a cached
/// image is described without reading it.
/// </summary>
internal sealed record GeneratedImage
{
    /// <summary>The archive (OCI image layout tar).</summary>
    public required string ArchivePath { get; init; }

    /// <summary>The manifest digest.</summary>
    public required string ManifestDigest { get; init; }

    /// <summary>Number of layers.</summary>
    public required int Layers { get; init; }

    /// <summary>Regular files over all layers.</summary>
    public required int Files { get; init; }

    /// <summary>Directories over all layers.</summary>
    public required int Directories { get; init; }

    /// <summary>Symbolic links over all layers.</summary>
    public required int Symlinks { get; init; }

    /// <summary>Sum of the layer blobs' sizes (gzip).</summary>
    public required long CompressedBytes { get; init; }

    /// <summary>Sum of the layer tars' sizes.</summary>
    public required long UncompressedBytes { get; init; }

    /// <summary>One line: layers, entries, sizes and gzip ratio.</summary>
    public string Describe() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Layers} gzip layer{(Layers == 1 ? "" : "s")}, {Files:N0} files, {Directories:N0} directories, {Symlinks:N0} symlinks; " +
        $"{UncompressedBytes / 1e6:N1} MB uncompressed, {CompressedBytes / 1e6:N1} MB compressed ({(double)UncompressedBytes / CompressedBytes:0.00}x)");
}
