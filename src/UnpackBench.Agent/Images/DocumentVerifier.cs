using System.Security.Cryptography;
using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Images;

/// <summary>
/// Checks that a document read completely into memory (index, manifest, config) is exactly the bytes its
/// descriptor names. Both image sources use it; blobs that are streamed are verified by the caller instead.
/// </summary>
internal static class DocumentVerifier
{
    /// <summary>The digest of <paramref name="content"/> under <paramref name="algorithm"/> (<c>sha256</c> or <c>sha512</c>).</summary>
    public static Digest Compute(string algorithm, ReadOnlySpan<byte> content) => algorithm switch
    {
        "sha512" => Digest.Parse("sha512:" + Convert.ToHexStringLower(SHA512.HashData(content))),
        _ => Digest.Sha256Of(content),
    };

    /// <summary>
    /// Throws <see cref="ImageSourceException"/> (<see cref="ImageSourceFailure.Invalid"/>) unless
    /// <paramref name="content"/> has the descriptor's size and digest. <paramref name="source"/> says
    /// where the bytes came from, e.g. <c>registry 127.0.0.1:5000</c>.
    /// </summary>
    public static void Verify(ContentDescriptor descriptor, ReadOnlySpan<byte> content, string source)
    {
        var what = DescribeKind(descriptor.MediaType);
        if (content.Length != descriptor.Size)
        {
            throw new ImageSourceException(
                $"{what} {descriptor.Digest} from {source} is {content.Length} bytes, but its descriptor says {descriptor.Size}",
                ImageSourceFailure.Invalid);
        }

        var actual = Compute(descriptor.Digest.Algorithm, content);
        if (actual != descriptor.Digest)
        {
            throw new ImageSourceException(
                $"{what} from {source} does not match its digest: expected {descriptor.Digest}, the bytes hash to {actual}",
                ImageSourceFailure.Invalid);
        }
    }

    /// <summary>A short name for what a media type is, for messages: <c>image index</c>, <c>manifest</c>, <c>image config</c>.</summary>
    public static string DescribeKind(string mediaType) => mediaType switch
    {
        _ when MediaTypes.IsIndex(mediaType) => "image index",
        _ when MediaTypes.IsManifest(mediaType) => "manifest",
        MediaTypes.OciConfig or MediaTypes.DockerConfig => "image config",
        _ when MediaTypes.IsSupportedLayer(mediaType) => "layer",
        _ => "document",
    };
}
