using System.Security.Cryptography;
using System.Text.Json;
using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Images.Archive;

/// <summary>
/// Reads the image of a legacy <c>docker save</c> archive: <c>manifest.json</c> names the config file and
/// the layer files (<c>&lt;id&gt;/layer.tar</c>, uncompressed). Such an archive has no manifest of the
/// distribution kind, so one is <b>synthesised</b>: a Docker schema 2 manifest whose config and layer
/// descriptors carry sizes and sha256 digests computed by reading each file once. Each uncompressed
/// layer's digest is also its diff ID, so it is checked against the config's <c>rootfs.diff_ids</c>.
/// </summary>
internal static class DockerSaveReader
{
    /// <summary>The file that lists a docker save archive's images.</summary>
    public const string ManifestFile = "manifest.json";

    private const long MaxConfigBytes = 8 * 1024 * 1024;

    /// <summary>Reads the image in <paramref name="blobs"/>' archive and synthesises its manifest.</summary>
    /// <exception cref="ImageSourceException">manifest.json is malformed, lists several images, or names missing or corrupt files.</exception>
    public static async Task<ArchiveImage> ReadAsync(ArchiveBlobReader blobs, string archiveName, CancellationToken cancellationToken)
    {
        var (configPath, layerPaths) = SingleImage(blobs.Index.Document(ManifestFile) ?? [], archiveName);
        var configEntry = Find(blobs, configPath, "the image config", archiveName);
        if (configEntry.Size > MaxConfigBytes)
        {
            throw new ImageSourceException($"the image config '{configPath}' in archive '{archiveName}' is {configEntry.Size} bytes; that is not an image config", ImageSourceFailure.Invalid);
        }

        var configBytes = await blobs.Index.ReadAllAsync(configEntry, cancellationToken);
        var config = new ContentDescriptor(MediaTypes.DockerConfig, Digest.Sha256Of(configBytes), configBytes.Length);
        ImageConfig parsed;
        try
        {
            parsed = ImageDocumentParser.ParseConfig(configBytes);
        }
        catch (ImageFormatException e)
        {
            throw new ImageSourceException($"the image config '{configPath}' in archive '{archiveName}' is not valid: {e.Message}", ImageSourceFailure.Invalid, e);
        }

        if (parsed.DiffIds.Count != layerPaths.Count)
        {
            throw new ImageSourceException(
                $"archive '{archiveName}' is corrupt: manifest.json lists {layerPaths.Count} layers but the image config has {parsed.DiffIds.Count} diff IDs",
                ImageSourceFailure.Invalid);
        }

        var entries = new Dictionary<Digest, string> { [config.Digest] = configPath };
        var layers = new List<ContentDescriptor>();
        for (var i = 0; i < layerPaths.Count; i++)
        {
            var role = $"layer {i + 1}/{layerPaths.Count}";
            var entry = Find(blobs, layerPaths[i], role, archiveName);
            var (digest, head) = await HashAsync(blobs.Index, entry, cancellationToken);
            var gzip = FileSignature.CompressionOf(head) == "gzip";
            if (!gzip && digest != parsed.DiffIds[i])
            {
                throw new ImageSourceException(
                    $"archive '{archiveName}' is corrupt: {role} ('{layerPaths[i]}') hashes to {digest}, but the image config says its diff ID is {parsed.DiffIds[i]}",
                    ImageSourceFailure.Invalid);
            }

            layers.Add(new ContentDescriptor(gzip ? MediaTypes.DockerLayerGzip : MediaTypes.DockerLayer, digest, entry.Size));
            entries.TryAdd(digest, layerPaths[i]);
        }

        var manifest = SynthesiseManifest(config, layers);
        return new ArchiveImage(new ContentDescriptor(MediaTypes.DockerManifest, Digest.Sha256Of(manifest), manifest.Length), manifest, entries);
    }

    private static (string Config, IReadOnlyList<string> Layers) SingleImage(byte[] manifestJson, string archiveName)
    {
        List<(string Config, List<string> Tags, List<string> Layers)> images;
        try
        {
            using var document = JsonDocument.Parse(manifestJson);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new JsonException("it is not a JSON array");
            }

            images = document.RootElement.EnumerateArray().Select(ReadImage).ToList();
        }
        catch (JsonException e)
        {
            throw new ImageSourceException($"the manifest.json of archive '{archiveName}' is not a docker save manifest: {e.Message}", ImageSourceFailure.Invalid, e);
        }

        return images.Count switch
        {
            0 => throw new ImageSourceException($"the manifest.json of archive '{archiveName}' lists no images", ImageSourceFailure.Invalid),
            1 => (images[0].Config, images[0].Layers),
            _ => throw new ImageSourceException(
                $"archive '{archiveName}' holds {images.Count} images ({string.Join(", ", images.Select(i => i.Tags.Count > 0 ? string.Join(" ", i.Tags) : $"untagged {i.Config}"))}); " +
                "UnpackBench benchmarks one image and has no option to choose among several: save just the one you want (e.g. 'docker save IMAGE -o FILE')",
                ImageSourceFailure.Invalid),
        };
    }

    private static (string Config, List<string> Tags, List<string> Layers) ReadImage(JsonElement image)
    {
        if (image.ValueKind != JsonValueKind.Object
            || !image.TryGetProperty("Config", out var config) || config.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("an entry has no 'Config' file name");
        }

        if (!image.TryGetProperty("Layers", out var layers) || layers.ValueKind != JsonValueKind.Array
            || layers.EnumerateArray().Any(l => l.ValueKind != JsonValueKind.String))
        {
            throw new JsonException("an entry has no 'Layers' list of file names");
        }

        var tags = image.TryGetProperty("RepoTags", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
        return (config.GetString()!, tags, layers.EnumerateArray().Select(l => l.GetString()!).ToList());
    }

    // The layer is read once: its sha256 is both the blob digest and (uncompressed) its diff ID.
    private static async Task<(Digest Digest, byte[] Head)> HashAsync(TarIndex index, TarEntryLocation entry, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var slice = index.Open(entry);
        var buffer = new byte[1 << 20];
        byte[]? head = null;
        int read;
        while ((read = await slice.ReadAsync(buffer, cancellationToken)) > 0)
        {
            head ??= buffer[..Math.Min(read, FileSignature.HeadLength)];
            hash.AppendData(buffer, 0, read);
        }

        return (Digest.FromSha256Hash(hash.GetHashAndReset()), head ?? []);
    }

    private static TarEntryLocation Find(ArchiveBlobReader blobs, string path, string role, string archiveName) =>
        blobs.Index.Find(path) ?? throw new ImageSourceException(
            $"archive '{archiveName}' is incomplete: manifest.json names '{path}' as {role}, but the archive has no such file; it is truncated or was saved incompletely",
            ImageSourceFailure.Invalid);

    private static byte[] SynthesiseManifest(ContentDescriptor config, IReadOnlyList<ContentDescriptor> layers)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", MediaTypes.DockerManifest);
            json.WritePropertyName("config");
            WriteDescriptor(json, config);
            json.WriteStartArray("layers");
            foreach (var layer in layers)
            {
                WriteDescriptor(json, layer);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteDescriptor(Utf8JsonWriter json, ContentDescriptor descriptor)
    {
        json.WriteStartObject();
        json.WriteString("mediaType", descriptor.MediaType);
        json.WriteNumber("size", descriptor.Size);
        json.WriteString("digest", descriptor.Digest.ToString());
        json.WriteEndObject();
    }
}
