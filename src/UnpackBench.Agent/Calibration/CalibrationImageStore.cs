using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Calibration;

/// <summary>
/// Generates a calibration set's images into a directory of blobs and keeps them: a later calibration
/// with the same set and generator version reuses them (a list of the cases' manifests is written last,
/// so a generation that was interrupted is done again).
/// </summary>
internal sealed class CalibrationImageStore(string directory)
{
    private const string ListFile = "images.json";

    /// <summary>The set's images for <paramref name="platform"/>, generated now if needed; <paramref name="progress"/> hears of each.</summary>
    public IReadOnlyList<GeneratedImage> Prepare(CalibrationSet set, Platform platform, Action<string> progress)
    {
        var setDirectory = Path.Combine(directory, $"{set.Name}-g{CalibrationSet.GeneratorVersion}-{platform.ToString().Replace('/', '-')}");
        Directory.CreateDirectory(setDirectory);
        if (Reuse(set, setDirectory) is { } existing)
        {
            progress($"reusing the {set.Name} set's {existing.Count} images generated earlier in {setDirectory}");
            return existing;
        }

        var images = new List<GeneratedImage>();
        foreach (var (@case, index) in set.Cases.Select((c, i) => (c, i + 1)))
        {
            progress($"generating {index}/{set.Cases.Count} {@case.Name}: {string.Join("; ", @case.Layers.Select(l => l.Describe()).Distinct())}");
            images.Add(Generate(@case, platform, setDirectory));
        }

        var list = new JsonObject { ["cases"] = new JsonArray([.. images.Select(i => (JsonNode)new JsonObject { ["name"] = i.Case.Name, ["manifest"] = i.Manifest.Digest.ToString(), ["size"] = i.Manifest.Size })]) };
        File.WriteAllText(Path.Combine(setDirectory, ListFile), list.ToJsonString());
        return images;
    }

    private static List<GeneratedImage>? Reuse(CalibrationSet set, string setDirectory)
    {
        var listPath = Path.Combine(setDirectory, ListFile);
        if (!File.Exists(listPath))
        {
            return null;
        }

        try
        {
            var cases = JsonNode.Parse(File.ReadAllText(listPath))!["cases"]!.AsArray();
            var images = set.Cases.Select(c => cases.FirstOrDefault(n => n!["name"]!.GetValue<string>() == c.Name) is { } node
                ? new GeneratedImage(c, new ContentDescriptor(MediaTypes.OciManifest, Digest.Parse(node["manifest"]!.GetValue<string>()), node["size"]!.GetValue<long>()), setDirectory)
                : null).ToList();
            return images.All(i => i is not null && File.Exists(i.PathOf(i.Manifest.Digest))) ? images.OfType<GeneratedImage>().ToList() : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static GeneratedImage Generate(CalibrationCase @case, Platform platform, string setDirectory)
    {
        var seed = SyntheticLayerWriter.SeedOf(@case.Name);
        var layers = @case.Layers.Select((recipe, i) => SyntheticLayerWriter.Write(recipe, seed + (ulong)i, setDirectory)).ToList();
        var config = new JsonObject
        {
            ["architecture"] = platform.Architecture,
            ["os"] = platform.Os,
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray([.. layers.Select(l => JsonValue.Create(l.DiffId.ToString()))]) },
            ["config"] = new JsonObject(),
        };
        if (platform.Variant.Length > 0)
        {
            config["variant"] = platform.Variant;
        }

        var configDescriptor = WriteBlob(setDirectory, config, MediaTypes.OciConfig);
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.OciManifest,
            ["config"] = Json(configDescriptor),
            ["layers"] = new JsonArray([.. layers.Select(l => (JsonNode)Json(l.Descriptor))]),
        };
        return new GeneratedImage(@case, WriteBlob(setDirectory, manifest, MediaTypes.OciManifest), setDirectory);
    }

    private static JsonObject Json(ContentDescriptor descriptor) =>
        new() { ["mediaType"] = descriptor.MediaType, ["digest"] = descriptor.Digest.ToString(), ["size"] = descriptor.Size };

    private static ContentDescriptor WriteBlob(string setDirectory, JsonObject document, string mediaType)
    {
        var bytes = Encoding.UTF8.GetBytes(document.ToJsonString());
        var digest = Digest.Sha256Of(bytes);
        File.WriteAllBytes(Path.Combine(setDirectory, digest.Hex), bytes);
        return new ContentDescriptor(mediaType, digest, bytes.Length);
    }
}
