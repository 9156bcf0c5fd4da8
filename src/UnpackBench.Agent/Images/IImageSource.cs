using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Images;

/// <summary>
/// Where an image's documents and blobs come from: a registry or an archive file. The acquirer walks
/// index → manifest → config → layers through this interface and writes what it reads into containerd's
/// content store, so both sources are acquired the same way and neither unpacks anything.
/// </summary>
internal interface IImageSource : IAsyncDisposable
{
    /// <summary>What the image is, for messages and the result document (reference or archive file name).</summary>
    string DisplayName { get; }

    /// <summary><c>pull</c> or <c>archive</c>, as the result document's <c>source</c> field says.</summary>
    string Kind { get; }

    /// <summary>
    /// Resolves the image's top-level document (an index or a manifest) and returns its descriptor
    /// and exact bytes. For a registry that is the manifest the reference names; for an archive, the
    /// one image it holds.
    /// </summary>
    /// <exception cref="ImageSourceException">The image cannot be found or read; the message says why and what to do.</exception>
    Task<(ContentDescriptor Descriptor, byte[] Content)> ResolveAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads a small document (manifest or config) completely; verifies size and digest.
    /// Refuses anything over <paramref name="maxBytes"/> so a hostile source cannot exhaust memory.
    /// </summary>
    Task<byte[]> ReadDocumentAsync(ContentDescriptor descriptor, long maxBytes, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a blob (a layer) for streaming. The caller verifies digest and size as it copies; the
    /// stream must deliver exactly the blob's bytes.
    /// </summary>
    Task<Stream> OpenBlobAsync(ContentDescriptor descriptor, CancellationToken cancellationToken);
}
