using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Images.Archive;

/// <summary>
/// Reads the image of an OCI image layout archive (<c>oci-layout</c>, <c>index.json</c>, <c>blobs/…</c>),
/// which is also what Docker 25+ writes alongside its legacy <c>manifest.json</c>.
/// <para>
/// Which document is the image's top level: when <c>index.json</c> lists one image (entries with the same
/// digest count once), that entry — a manifest, or an index for the platform to be picked from, exactly
/// as a registry's tag resolves. When it lists several platform-specific manifests of one image (no
/// entry, or all entries, naming the same reference), <c>index.json</c> itself is that image's index:
/// its exact bytes are returned with a <b>synthesised</b> digest, the sha256 of those bytes, since
/// <c>index.json</c> is not a blob of the layout. Anything else is several images, which is refused:
/// there is no option to choose among them.
/// </para>
/// Before returning, the platform's manifest, config and layers are checked to be in the archive, so an
/// incomplete export fails here with a message instead of halfway through acquisition.
/// </summary>
internal static class OciLayoutReader
{
    /// <summary>The layout's entry point.</summary>
    public const string IndexFile = "index.json";

    private const long MaxDocumentBytes = 8 * 1024 * 1024;
    private const string RefNameAnnotation = "org.opencontainers.image.ref.name";
    private const string ContainerdNameAnnotation = "io.containerd.image.name";

    /// <summary>Reads the image in <paramref name="blobs"/>' archive; <paramref name="platform"/> is the one to be benchmarked.</summary>
    /// <exception cref="ImageSourceException">The layout is malformed, holds several images, or lacks blobs of the platform.</exception>
    public static async Task<ArchiveImage> ReadAsync(ArchiveBlobReader blobs, string archiveName, Platform platform, CancellationToken cancellationToken)
    {
        var indexJson = blobs.Index.Document(IndexFile) ?? [];
        var layout = Parse(() => ImageDocumentParser.ParseIndex(indexJson), $"the index.json of archive '{archiveName}'");
        var entries = layout.Manifests.DistinctBy(m => m.Digest).ToList();
        ArchiveImage image;
        if (entries.Count == 0)
        {
            throw new ImageSourceException($"archive '{archiveName}' is an OCI image layout whose index.json lists no images", ImageSourceFailure.Invalid);
        }
        else if (entries.Count == 1)
        {
            var top = entries[0];
            var content = await blobs.ReadDocumentAsync(top, ArchiveImage.OciBlobPath(top.Digest), "the image's top-level manifest", MaxDocumentBytes, cancellationToken);
            var mediaType = Parse(() => ImageDocumentParser.DetectMediaType(content, top.MediaType), $"the top-level manifest of archive '{archiveName}'");
            if (!MediaTypes.IsIndex(mediaType) && !MediaTypes.IsManifest(mediaType))
            {
                throw new ImageSourceException($"archive '{archiveName}' lists a '{mediaType}' in its index.json, which is not an image manifest or index", ImageSourceFailure.Invalid);
            }

            image = new ArchiveImage(top with { MediaType = mediaType }, content, new Dictionary<Digest, string>());
        }
        else if (IsOneImageForSeveralPlatforms(entries))
        {
            var synthesised = new ContentDescriptor(MediaTypes.OciIndex, Digest.Sha256Of(indexJson), indexJson.Length);
            image = new ArchiveImage(synthesised, indexJson, new Dictionary<Digest, string>());
        }
        else
        {
            throw new ImageSourceException(
                $"archive '{archiveName}' holds {entries.Count} images ({string.Join(", ", entries.Select(Describe))}); " +
                "UnpackBench benchmarks one image and has no option to choose among several: export just the one you want (e.g. 'docker save IMAGE -o FILE')",
                ImageSourceFailure.Invalid);
        }

        await CheckPlatformIsPresentAsync(blobs, image, archiveName, platform, cancellationToken);
        return image;
    }

    private static bool IsOneImageForSeveralPlatforms(List<ContentDescriptor> entries) =>
        entries.All(e => e.Platform is not null && (MediaTypes.IsManifest(e.MediaType) || e.MediaType.Length == 0))
        && entries.Select(e => e.Platform!.ToString()).Distinct().Count() == entries.Count
        && entries.Select(RefName).Distinct().Count() == 1;

    private static async Task CheckPlatformIsPresentAsync(ArchiveBlobReader blobs, ArchiveImage image, string archiveName, Platform platform, CancellationToken cancellationToken)
    {
        var manifestBytes = image.Content;
        if (MediaTypes.IsIndex(image.Descriptor.MediaType))
        {
            var index = Parse(() => ImageDocumentParser.ParseIndex(image.Content), $"the image index of archive '{archiveName}'");
            ContentDescriptor selected;
            try
            {
                selected = PlatformSelector.Select(index, platform);
            }
            catch (ImageFormatException e)
            {
                throw new ImageSourceException($"archive '{archiveName}': {e.Message}", ImageSourceFailure.NotFound, e);
            }

            if (blobs.Index.Find(ArchiveImage.OciBlobPath(selected.Digest)) is null)
            {
                var present = index.Manifests
                    .Where(m => m.Platform is { Os: not "unknown" } && blobs.Index.Find(ArchiveImage.OciBlobPath(m.Digest)) is not null)
                    .Select(m => m.Platform!.ToString())
                    .ToList();
                throw new ImageSourceException(
                    $"archive '{archiveName}' lists platform {selected.Platform} but does not contain its manifest ({selected.Digest}); " +
                    $"'docker save' writes only the platforms that were pulled. Platforms in the archive: {(present.Count == 0 ? "none" : string.Join(", ", present))}; choose one with --platform",
                    ImageSourceFailure.NotFound);
            }

            manifestBytes = await blobs.ReadDocumentAsync(selected, ArchiveImage.OciBlobPath(selected.Digest), $"the {selected.Platform} manifest", MaxDocumentBytes, cancellationToken);
        }

        var manifest = Parse(() => ImageDocumentParser.ParseManifest(manifestBytes), $"the manifest in archive '{archiveName}'");
        blobs.Locate(manifest.Config, ArchiveImage.OciBlobPath(manifest.Config.Digest), "the image config");
        for (var i = 0; i < manifest.Layers.Count; i++)
        {
            blobs.Locate(manifest.Layers[i], ArchiveImage.OciBlobPath(manifest.Layers[i].Digest), $"layer {i + 1}/{manifest.Layers.Count}");
        }
    }

    private static string? RefName(ContentDescriptor entry) =>
        entry.Annotations.GetValueOrDefault(ContainerdNameAnnotation) ?? entry.Annotations.GetValueOrDefault(RefNameAnnotation);

    private static string Describe(ContentDescriptor entry) =>
        (RefName(entry) ?? $"untagged {entry.Digest.Algorithm}:{entry.Digest.Abbreviated}") + (entry.Platform is { } p ? $" for {p}" : "");

    private static T Parse<T>(Func<T> parse, string what)
    {
        try
        {
            return parse();
        }
        catch (ImageFormatException e)
        {
            throw new ImageSourceException($"{what} is not valid: {e.Message}", ImageSourceFailure.Invalid, e);
        }
    }
}
