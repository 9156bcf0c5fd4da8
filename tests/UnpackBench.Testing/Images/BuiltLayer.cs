namespace UnpackBench.Testing.Images;

/// <summary>
/// A layer written to a <see cref="BlobStore"/>: its blob's digest and size, its diff ID (digest of the
/// uncompressed tar) and size, its compression, and the entries it holds.
/// </summary>
public sealed record BuiltLayer(
    string Digest,
    long Size,
    string DiffId,
    long UncompressedSize,
    LayerCompression Compression,
    IReadOnlyList<LayerEntry> Entries,
    string BlobPath)
{
    /// <summary>The layer media type this layer has in an image of <paramref name="format"/>.</summary>
    public string MediaType(ImageFormat format) => MediaTypes.Layer(format, Compression);

    /// <summary>The manifest descriptor of this layer in an image of <paramref name="format"/>.</summary>
    public Descriptor Descriptor(ImageFormat format) => new(MediaType(format), Digest, Size);

    /// <summary>Opens the stored blob as written (compressed as <see cref="Compression"/> says).</summary>
    public Stream OpenBlob() => File.OpenRead(BlobPath);

    /// <summary>Opens the layer's uncompressed tar, decompressing the blob on the fly.</summary>
    public Stream OpenTar() => LayerCompressionStreams.Decompress(OpenBlob(), Compression);
}
