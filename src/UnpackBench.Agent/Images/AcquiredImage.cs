using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Images;

/// <summary>
/// An image whose blobs are all in containerd's content store, resolved to one platform: what the
/// unpacker needs (layers, diff IDs, chain IDs) and what the result document describes.
/// </summary>
internal sealed record AcquiredImage
{
    /// <summary>The image record's name in containerd (the normalised reference for pulls).</summary>
    public required string Name { get; init; }

    /// <summary><c>pull</c> or <c>archive</c>.</summary>
    public required string Source { get; init; }

    /// <summary>What the reference or archive resolved to: an index or a manifest.</summary>
    public required ContentDescriptor Root { get; init; }

    /// <summary>The platform's manifest (equals <see cref="Root"/> for single-platform images).</summary>
    public required ContentDescriptor Manifest { get; init; }

    /// <summary>The image config.</summary>
    public required ContentDescriptor Config { get; init; }

    /// <summary>The platform the config declares.</summary>
    public required Platform Platform { get; init; }

    /// <summary>Layer blobs, base first.</summary>
    public required IReadOnlyList<ContentDescriptor> Layers { get; init; }

    /// <summary>Digests of the uncompressed layers, from the config.</summary>
    public required IReadOnlyList<Digest> DiffIds { get; init; }

    /// <summary>Bytes of layer blobs fetched because the content store lacked them: 0 when every layer was cached.</summary>
    public required long DownloadedBytes { get; init; }

    /// <summary>Snapshot names of the layer stack, one per layer.</summary>
    public IReadOnlyList<Digest> ChainIds => _chainIds ??= Core.Images.ChainIds.Compute(DiffIds);

    private IReadOnlyList<Digest>? _chainIds;
}
