using System.IO.Compression;
using ZstdSharp;

namespace UnpackBench.Testing.Images;

/// <summary>Wraps streams to compress or decompress layer blobs.</summary>
public static class LayerCompressionStreams
{
    /// <summary>
    /// A stream that compresses into <paramref name="destination"/> (left open); dispose it to write the trailer.
    /// gzip uses the fastest level so large test layers build quickly; zstd uses its default level 3.
    /// </summary>
    public static Stream Compress(Stream destination, LayerCompression compression) => compression switch
    {
        LayerCompression.None => new DigestingStream(destination, leaveOpen: true),
        LayerCompression.Gzip => new GZipStream(destination, CompressionLevel.Fastest, leaveOpen: true),
        LayerCompression.Zstd => new CompressionStream(destination, level: 3, leaveOpen: true),
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "unknown compression"),
    };

    /// <summary>A stream of the decompressed bytes of <paramref name="source"/>, which it owns.</summary>
    public static Stream Decompress(Stream source, LayerCompression compression) => compression switch
    {
        LayerCompression.None => source,
        LayerCompression.Gzip => new GZipStream(source, CompressionMode.Decompress, leaveOpen: false),
        LayerCompression.Zstd => new DecompressionStream(source, leaveOpen: false),
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "unknown compression"),
    };
}
