namespace UnpackBench.Core.Results;

/// <summary>The image that was benchmarked, as resolved for one platform.</summary>
public sealed record ImageDescription
{
    /// <summary>The normalised reference, or the archive's file name.</summary>
    public required string Reference { get; init; }

    /// <summary>The digest the reference resolved to (an index for multi-platform images).</summary>
    public required string Digest { get; init; }

    /// <summary>The media type of what <see cref="Digest"/> names.</summary>
    public required string MediaType { get; init; }

    /// <summary>The platform-specific manifest's digest.</summary>
    public required string ManifestDigest { get; init; }

    /// <summary>The image config's digest (the image ID).</summary>
    public required string ConfigDigest { get; init; }

    /// <summary>The platform of the manifest, os/arch[/variant].</summary>
    public required string Platform { get; init; }

    /// <summary>Layers, base first.</summary>
    public required IReadOnlyList<LayerDescription> Layers { get; init; }

    /// <summary>Sum of the compressed layer sizes.</summary>
    public required long TotalCompressedBytes { get; init; }

    /// <summary>Sum of the uncompressed layer sizes; null until a run has applied every layer.</summary>
    public long? TotalUncompressedBytes { get; init; }

    /// <summary>
    /// Bytes of layer blobs fetched from the registry (or read from the archive) for this benchmark
    /// because containerd's content store did not have them yet: 0 when every layer came from the
    /// content cache. The manifests and the config (a few KiB) are read every time and not counted.
    /// Null in documents of agents that did not record it.
    /// </summary>
    public long? DownloadedBytes { get; init; }
}

/// <summary>One layer of the image.</summary>
public sealed record LayerDescription
{
    /// <summary>Digest of the blob as stored (compressed).</summary>
    public required string Digest { get; init; }

    /// <summary>Digest of the uncompressed tar, from the image config.</summary>
    public required string DiffId { get; init; }

    /// <summary>The snapshot name the layer is committed under.</summary>
    public required string ChainId { get; init; }

    /// <summary>The blob's media type.</summary>
    public required string MediaType { get; init; }

    /// <summary>none, gzip or zstd.</summary>
    public required string Compression { get; init; }

    /// <summary>Size of the blob.</summary>
    public required long CompressedBytes { get; init; }

    /// <summary>Size of the uncompressed tar, as containerd's differ counted it.</summary>
    public long? UncompressedBytes { get; init; }
}
