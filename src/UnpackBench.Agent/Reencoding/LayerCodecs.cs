using System.IO.Compression;
using UnpackBench.Core.Images;
using UnpackBench.Core.Variants;
using ZstdSharp;

namespace UnpackBench.Agent.Reencoding;

/// <summary>
/// The decoders and encoders re-encoding uses: .NET's gzip (zlib-ng) at a level, zstd through
/// ZstdSharp (a port of the reference library), and the media type each encoding gets.
/// </summary>
internal static class LayerCodecs
{
    /// <summary>A stream of the uncompressed tar of a blob compressed as <paramref name="mediaType"/> says.</summary>
    public static Stream Decompress(Stream blob, string mediaType) => MediaTypes.CompressionOf(mediaType) switch
    {
        "gzip" => new GZipStream(blob, CompressionMode.Decompress),
        "zstd" => new DecompressionStream(blob),
        _ => blob,
    };

    /// <summary>A stream that writes <paramref name="encoding"/>'s compression of what it is given into <paramref name="output"/> (left open).</summary>
    public static Stream Compress(Stream output, LayerEncoding encoding) => encoding.Kind switch
    {
        LayerCompressionKind.Gzip => new GZipStream(output, new ZLibCompressionOptions { CompressionLevel = encoding.Level!.Value }, leaveOpen: true),
        LayerCompressionKind.Zstd => new CompressionStream(output, encoding.Level!.Value, leaveOpen: true),
        LayerCompressionKind.Uncompressed => new NonClosing(output),
        _ => throw new ArgumentException($"'{encoding.Name}' is not a re-encoding", nameof(encoding)),
    };

    /// <summary>The OCI media type of a layer in <paramref name="encoding"/>.</summary>
    public static string MediaTypeOf(LayerEncoding encoding) => encoding.Kind switch
    {
        LayerCompressionKind.Gzip => MediaTypes.OciLayerGzip,
        LayerCompressionKind.Zstd => MediaTypes.OciLayerZstd,
        LayerCompressionKind.Uncompressed => MediaTypes.OciLayer,
        _ => throw new ArgumentException($"'{encoding.Name}' is not a re-encoding", nameof(encoding)),
    };

    // Writing an uncompressed layer is a plain copy; disposing the wrapper must not close the file.
    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
