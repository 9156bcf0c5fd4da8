using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Images;

/// <summary>
/// Walks an image's documents from a source: resolve the root, pick the platform's manifest from an
/// index, read the config, and check that manifest and config agree. Reads no layer, so acquiring an
/// image and counting its features start the same way.
/// </summary>
internal static class ImageResolver
{
    private const long MaxDocumentBytes = 8 * 1024 * 1024;

    /// <summary>
    /// Resolves <paramref name="source"/> for <paramref name="platform"/>. When <paramref name="platformExplicit"/>
    /// is set (the user chose the platform), a single-platform image of another platform is an error.
    /// </summary>
    /// <exception cref="ImageSourceException">The image cannot be found, read, or is inconsistent.</exception>
    public static async Task<ResolvedImage> ResolveAsync(IImageSource source, Platform platform, bool platformExplicit, CancellationToken cancellationToken)
    {
        var (root, rootBytes) = await source.ResolveAsync(cancellationToken);
        root = root with { MediaType = ImageDocumentParser.DetectMediaType(rootBytes, root.MediaType) };

        ContentDescriptor manifestDescriptor;
        byte[] manifestBytes;
        ImageIndex? index = null;
        if (MediaTypes.IsIndex(root.MediaType))
        {
            index = ImageDocumentParser.ParseIndex(rootBytes);
            manifestDescriptor = PlatformSelector.Select(index, platform);
            manifestBytes = await source.ReadDocumentAsync(manifestDescriptor, MaxDocumentBytes, cancellationToken);
            manifestDescriptor = manifestDescriptor with { MediaType = ImageDocumentParser.DetectMediaType(manifestBytes, manifestDescriptor.MediaType) };
        }
        else
        {
            (manifestDescriptor, manifestBytes) = (root, rootBytes);
        }

        var manifest = ImageDocumentParser.ParseManifest(manifestBytes);
        var configBytes = await source.ReadDocumentAsync(manifest.Config, MaxDocumentBytes, cancellationToken);
        var config = ImageDocumentParser.ParseConfig(configBytes);
        CheckConsistency(source, manifest, config, platform, platformExplicit, index is not null);
        return new ResolvedImage
        {
            Root = root,
            RootBytes = rootBytes,
            Index = index,
            ManifestDescriptor = manifestDescriptor,
            ManifestBytes = manifestBytes,
            Manifest = manifest,
            ConfigBytes = configBytes,
            Config = config,
        };
    }

    private static void CheckConsistency(IImageSource source, ImageManifest manifest, ImageConfig config, Platform platform, bool platformExplicit, bool fromIndex)
    {
        if (config.DiffIds.Count != manifest.Layers.Count)
        {
            throw new ImageSourceException(
                $"{source.DisplayName}: the manifest lists {manifest.Layers.Count} layers but the config has {config.DiffIds.Count} diff IDs; the image is corrupt",
                ImageSourceFailure.Invalid);
        }

        if (!fromIndex && platformExplicit && !platform.Accepts(config.Platform))
        {
            throw new ImageSourceException(
                $"{source.DisplayName} is a single-platform image for {config.Platform}, not {platform}; drop --platform or choose {config.Platform}",
                ImageSourceFailure.NotFound);
        }
    }
}
