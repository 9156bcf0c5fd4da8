using System.Formats.Tar;
using System.IO.Compression;
using UnpackBench.Agent.Images;
using UnpackBench.Core.Images;
using UnpackBench.Core.Prediction;
using ZstdSharp;

namespace UnpackBench.Agent.Prediction;

/// <summary>
/// Counts a layer's <see cref="LayerFeatures"/> by streaming its blob once: decompress as its media
/// type says, read the tar headers, skip the file contents, write nothing. The blob's digest and the
/// uncompressed stream's diff ID are checked on the way, so a corrupt download cannot be counted.
/// </summary>
internal static class LayerFeatureCounter
{
    /// <summary>Counts the layer <paramref name="layer"/> read from <paramref name="blob"/> (which it disposes).</summary>
    /// <param name="blob">The blob's bytes, exactly.</param>
    /// <param name="layer">The layer's descriptor from the manifest.</param>
    /// <param name="diffId">The layer's diff ID from the config.</param>
    /// <param name="what">How errors name the layer, e.g. "layer 2/5".</param>
    /// <param name="cancellationToken">Stops the count.</param>
    /// <exception cref="ImageSourceException">The blob is not what its descriptor, media type or diff ID say.</exception>
    public static async Task<LayerFeatures> CountAsync(Stream blob, ContentDescriptor layer, Digest diffId, string what, CancellationToken cancellationToken)
    {
        var compression = MediaTypes.CompressionOf(layer.MediaType);
        using var compressed = new DigestingReadStream(blob);
        using var uncompressed = new DigestingReadStream(Decompress(compressed, compression));
        var tally = new TarEntryTally();
        try
        {
            using (var reader = new TarReader(uncompressed, leaveOpen: true))
            {
                while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
                {
                    tally.Add(entry);
                }
            }

            // The tar's end-of-archive blocks and padding are part of the diff ID; the blob's trailer of its digest.
            await uncompressed.DrainAsync(cancellationToken);
            await compressed.DrainAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or ZstdException or EndOfStreamException)
        {
            throw new ImageSourceException($"{what} ({layer.Digest}) is not a {compression}-compressed tar as its media type {layer.MediaType} says: {e.Message}", ImageSourceFailure.Invalid, e);
        }

        Verify(what, "blob", layer.Digest, compressed.Digest(), layer.Size, compressed.BytesRead);
        Verify(what, "uncompressed tar (diff ID)", diffId, uncompressed.Digest(), null, uncompressed.BytesRead);
        return new LayerFeatures
        {
            Digest = layer.Digest.ToString(),
            MediaType = layer.MediaType,
            Compression = compression,
            CompressedBytes = compressed.BytesRead,
            UncompressedBytes = uncompressed.BytesRead,
            FileBytes = tally.FileBytes,
            Files = tally.Files,
            Directories = tally.Directories,
            Symlinks = tally.Symlinks,
            Hardlinks = tally.Hardlinks,
            Whiteouts = tally.Whiteouts,
            OtherEntries = tally.OtherEntries,
            MaxDepth = tally.MaxDepth,
            PathComponents = tally.PathComponents,
        };
    }

    private static Stream Decompress(Stream blob, string compression) => compression switch
    {
        "gzip" => new GZipStream(blob, CompressionMode.Decompress, leaveOpen: true),
        "zstd" => new DecompressionStream(blob, leaveOpen: true),
        _ => new NonClosingStream(blob),
    };

    private static void Verify(string what, string part, Digest expected, Digest actual, long? expectedSize, long actualSize)
    {
        if (expected != actual || (expectedSize is { } size && size != actualSize))
        {
            throw new ImageSourceException(
                $"{what}: its {part} is {actualSize} bytes with digest {actual}, but the image says {(expectedSize is null ? "" : $"{expectedSize} bytes with ")}digest {expected}; the image or the download is corrupt",
                ImageSourceFailure.Invalid);
        }
    }
}
