using System.Text.Json;

namespace UnpackBench.Core.Images;

/// <summary>
/// Parses OCI and Docker image documents (index, manifest, config) from their JSON bytes, checking
/// what later steps rely on so that a bad document fails here with a message, not deep inside an unpack.
/// </summary>
public static class ImageDocumentParser
{
    /// <summary>
    /// Reads the media type a document declares, falling back to its shape (a <c>manifests</c> array
    /// means an index) because older OCI documents omit <c>mediaType</c>.
    /// </summary>
    public static string DetectMediaType(ReadOnlySpan<byte> json, string? declared = null)
    {
        using var document = ParseJson(json, "image document");
        var root = document.RootElement;
        if (root.TryGetProperty("mediaType", out var mediaType) && mediaType.ValueKind == JsonValueKind.String)
        {
            return mediaType.GetString()!;
        }

        if (!string.IsNullOrEmpty(declared) && declared != "application/octet-stream")
        {
            return declared;
        }

        return root.TryGetProperty("manifests", out _) ? MediaTypes.OciIndex : MediaTypes.OciManifest;
    }

    /// <summary>Parses an OCI index or Docker manifest list.</summary>
    public static ImageIndex ParseIndex(ReadOnlySpan<byte> json)
    {
        using var document = ParseJson(json, "image index");
        var root = document.RootElement;
        if (!root.TryGetProperty("manifests", out var manifests) || manifests.ValueKind != JsonValueKind.Array)
        {
            throw new ImageFormatException("image index has no 'manifests' array");
        }

        var entries = manifests.EnumerateArray().Select((m, i) => ReadDescriptor(m, $"index entry {i}", withPlatform: true)).ToList();
        return new ImageIndex(StringOr(root, "mediaType", MediaTypes.OciIndex), entries);
    }

    /// <summary>Parses an OCI image manifest or Docker schema 2 manifest.</summary>
    public static ImageManifest ParseManifest(ReadOnlySpan<byte> json)
    {
        using var document = ParseJson(json, "image manifest");
        var root = document.RootElement;
        if (root.TryGetProperty("schemaVersion", out var version) && version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var schema) && schema == 1)
        {
            throw new ImageFormatException("image manifest is Docker schema 1, which is deprecated and unsupported; push the image again with a current Docker or buildkit");
        }

        if (!root.TryGetProperty("config", out var config) || config.ValueKind != JsonValueKind.Object)
        {
            throw new ImageFormatException("image manifest has no 'config' descriptor");
        }

        if (!root.TryGetProperty("layers", out var layers) || layers.ValueKind != JsonValueKind.Array)
        {
            throw new ImageFormatException("image manifest has no 'layers' array");
        }

        var layerList = layers.EnumerateArray().Select((l, i) => ReadDescriptor(l, $"layer {i + 1}", withPlatform: false)).ToList();
        if (layerList.Count == 0)
        {
            throw new ImageFormatException("image manifest lists no layers, so there is nothing to unpack");
        }

        foreach (var (layer, i) in layerList.Select((l, i) => (l, i)))
        {
            if (!MediaTypes.IsSupportedLayer(layer.MediaType))
            {
                throw new ImageFormatException($"layer {i + 1} ({layer.Digest}) has media type '{layer.MediaType}', which containerd cannot apply; supported: tar, tar+gzip, tar+zstd");
            }
        }

        return new ImageManifest(StringOr(root, "mediaType", MediaTypes.OciManifest), ReadDescriptor(config, "config", withPlatform: false), layerList);
    }

    /// <summary>Parses the platform and diff IDs from an image config.</summary>
    public static ImageConfig ParseConfig(ReadOnlySpan<byte> json)
    {
        using var document = ParseJson(json, "image config");
        var root = document.RootElement;
        if (!root.TryGetProperty("rootfs", out var rootfs) || rootfs.ValueKind != JsonValueKind.Object
            || !rootfs.TryGetProperty("diff_ids", out var diffIds) || diffIds.ValueKind != JsonValueKind.Array)
        {
            throw new ImageFormatException("image config has no 'rootfs.diff_ids' array");
        }

        var digests = diffIds.EnumerateArray().Select((d, i) => ParseDigest(StringOrNull(d), $"config diff_id {i + 1}")).ToList();
        var platform = new Platform(StringOr(root, "os", "linux"), StringOr(root, "architecture", "unknown"), StringOr(root, "variant", ""));
        return new ImageConfig(platform, digests);
    }

    private static ContentDescriptor ReadDescriptor(JsonElement element, string what, bool withPlatform)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ImageFormatException($"{what} is not a descriptor object");
        }

        var mediaType = StringOr(element, "mediaType", "");
        var digest = ParseDigest(element.TryGetProperty("digest", out var d) ? StringOrNull(d) : null, what);
        if (!element.TryGetProperty("size", out var size) || size.ValueKind != JsonValueKind.Number || !size.TryGetInt64(out var length) || length < 0)
        {
            throw new ImageFormatException($"{what} ({digest}) has no valid 'size'");
        }

        var annotations = new Dictionary<string, string>();
        if (element.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in a.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
            {
                annotations[property.Name] = property.Value.GetString()!;
            }
        }

        Platform? platform = null;
        if (withPlatform && element.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            platform = new Platform(StringOr(p, "os", ""), StringOr(p, "architecture", ""), StringOr(p, "variant", ""));
        }

        return new ContentDescriptor(mediaType, digest, length) { Platform = platform, Annotations = annotations };
    }

    private static Digest ParseDigest(string? text, string what) =>
        Digest.TryParse(text, out var digest, out var problem) ? digest : throw new ImageFormatException($"{what}: {problem}");

    // A digest that is not a JSON string (a number, an object) is reported like a missing one,
    // not as the JSON reader's InvalidOperationException.
    private static string? StringOrNull(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString() : null;

    private static string StringOr(JsonElement element, string name, string fallback) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : fallback;

    private static JsonDocument ParseJson(ReadOnlySpan<byte> json, string what)
    {
        var reader = new Utf8JsonReader(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new ImageFormatException($"{what} is not valid JSON: {e.Message}", e);
        }

        try
        {
            // ParseValue stops after the first value; reading on fails on anything but trailing whitespace.
            reader.Read();
        }
        catch (JsonException e)
        {
            document.Dispose();
            throw new ImageFormatException($"{what} is not valid JSON: {e.Message}", e);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new ImageFormatException($"{what} is JSON but not an object");
        }

        return document;
    }
}
