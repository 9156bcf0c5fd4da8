using System.Security.Cryptography;
using UnpackBench.Agent.Images;
using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Tests.Images;

/// <summary>
/// Everything an image source delivers for one platform, read the way the acquirer reads it (root, platform
/// manifest, config, layers), with every layer's size and digest checked as it streams.
/// </summary>
internal sealed record SourceContent(
    ContentDescriptor Root,
    byte[] RootBytes,
    ContentDescriptor Manifest,
    ImageConfig Config,
    IReadOnlyList<ContentDescriptor> LayerDescriptors,
    IReadOnlyList<byte[]> Layers)
{
    public static async Task<SourceContent> ReadAsync(IImageSource source, Platform platform, CancellationToken cancellationToken = default)
    {
        var (root, rootBytes) = await source.ResolveAsync(cancellationToken);
        var (manifestDescriptor, manifestBytes) = (root, rootBytes);
        if (MediaTypes.IsIndex(root.MediaType))
        {
            manifestDescriptor = PlatformSelector.Select(ImageDocumentParser.ParseIndex(rootBytes), platform);
            manifestBytes = await source.ReadDocumentAsync(manifestDescriptor, 1024 * 1024, cancellationToken);
        }

        var manifest = ImageDocumentParser.ParseManifest(manifestBytes);
        var config = ImageDocumentParser.ParseConfig(await source.ReadDocumentAsync(manifest.Config, 1024 * 1024, cancellationToken));
        var layers = new List<byte[]>();
        foreach (var layer in manifest.Layers)
        {
            await using var blob = await source.OpenBlobAsync(layer, cancellationToken);
            using var copy = new MemoryStream();
            await blob.CopyToAsync(copy, cancellationToken);
            var bytes = copy.ToArray();
            Assert.Equal(layer.Size, bytes.Length);
            Assert.Equal(layer.Digest, Digest.FromSha256Hash(SHA256.HashData(bytes)));
            layers.Add(bytes);
        }

        return new SourceContent(root, rootBytes, manifestDescriptor, config, manifest.Layers, layers);
    }
}
