using UnpackBench.Agent.Images;
using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Calibration;

/// <summary>
/// Serves a <see cref="GeneratedImage"/> to the acquirer like an archive: documents and blobs are read
/// from its blob directory, documents checked against their descriptors.
/// </summary>
internal sealed class GeneratedImageSource(GeneratedImage image) : IImageSource
{
    /// <inheritdoc />
    public string DisplayName => $"calibration-{image.Case.Name}";

    /// <inheritdoc />
    public string Kind => "archive";

    /// <inheritdoc />
    public async Task<(ContentDescriptor Descriptor, byte[] Content)> ResolveAsync(CancellationToken cancellationToken) =>
        (image.Manifest, await ReadDocumentAsync(image.Manifest, long.MaxValue, cancellationToken));

    /// <inheritdoc />
    public async Task<byte[]> ReadDocumentAsync(ContentDescriptor descriptor, long maxBytes, CancellationToken cancellationToken)
    {
        var content = await File.ReadAllBytesAsync(Located(descriptor), cancellationToken);
        DocumentVerifier.Verify(descriptor, content, DisplayName);
        return content;
    }

    /// <inheritdoc />
    public Task<Stream> OpenBlobAsync(ContentDescriptor descriptor, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(File.OpenRead(Located(descriptor)));

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string Located(ContentDescriptor descriptor)
    {
        var path = image.PathOf(descriptor.Digest);
        return File.Exists(path)
            ? path
            : throw new ImageSourceException($"{DisplayName}: blob {descriptor.Digest} is missing from {image.BlobDirectory}; delete that directory and calibrate again", ImageSourceFailure.Invalid);
    }
}
