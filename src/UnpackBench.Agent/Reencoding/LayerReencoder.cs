using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Images;
using UnpackBench.Core.Images;
using UnpackBench.Core.Variants;

namespace UnpackBench.Agent.Reencoding;

/// <summary>
/// Re-encodes one layer, untimed: streams the blob out of the content store, decompresses it, hashes
/// the tar (which must equal the layer's diff ID, or nothing is stored), compresses it the new way into
/// a scratch file while hashing that, and writes the file into the content store as a new blob.
/// </summary>
internal sealed class LayerReencoder(ContainerdConnection connection, string scratchDirectory)
{
    private const int BufferSize = 1024 * 1024;
    private readonly ContentStore _content = new(connection);

    /// <summary>Stores <paramref name="layer"/> (whose tar is <paramref name="diffId"/>) in <paramref name="encoding"/>; returns the new blob's descriptor.</summary>
    /// <exception cref="ImageSourceException">The tar did not match the diff ID (<see cref="ImageSourceFailure.Invalid"/>).</exception>
    public async Task<ContentDescriptor> ReencodeAsync(
        ContentDescriptor layer, Digest diffId, LayerEncoding encoding, string what, string leaseId, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(scratchDirectory);
        var scratch = Path.Combine(scratchDirectory, $"reencode-{Guid.NewGuid():N}");
        try
        {
            var blob = await EncodeToFileAsync(layer, diffId, encoding, what, scratch, cancellationToken);
            await using var file = File.OpenRead(scratch);
            await _content.WriteAsync(blob, file, GcLabels.ForLayer(diffId), leaseId, null, cancellationToken);
            return blob;
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    private async Task<ContentDescriptor> EncodeToFileAsync(
        ContentDescriptor layer, Digest diffId, LayerEncoding encoding, string what, string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize);
        using var compressed = new HashingWriteStream(file);
        using var tar = new HashingWriteStream(null);
        await using (var source = LayerCodecs.Decompress(_content.OpenRead(layer.Digest, cancellationToken), layer.MediaType))
        await using (var encoder = LayerCodecs.Compress(compressed, encoding))
        {
            var buffer = new byte[BufferSize];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                tar.Write(buffer.AsSpan(0, read));
                await encoder.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        if (tar.Digest() != diffId)
        {
            throw new ImageSourceException(
                $"{what} ({layer.Digest.Abbreviated}) decompresses to {tar.Digest()}, but the image config says its diff ID is {diffId}; the image is inconsistent, so it cannot be re-encoded",
                ImageSourceFailure.Invalid);
        }

        await file.FlushAsync(cancellationToken);
        return new ContentDescriptor(LayerCodecs.MediaTypeOf(encoding), compressed.Digest(), compressed.BytesWritten);
    }
}
