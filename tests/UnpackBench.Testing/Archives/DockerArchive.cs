using System.Text.Json.Nodes;
using UnpackBench.Testing.Images;

namespace UnpackBench.Testing.Archives;

/// <summary>
/// Exports an image the way legacy <c>docker save</c> does: <c>manifest.json</c>, the config as
/// <c>&lt;config hex&gt;.json</c>, per layer <c>&lt;id&gt;/layer.tar</c> (the uncompressed tar), <c>&lt;id&gt;/VERSION</c>
/// and <c>&lt;id&gt;/json</c>, and <c>repositories</c>. Layer directory ids are the layers' chain ID hex, so a layer
/// repeated in the image still gets its own directory.
/// </summary>
public static class DockerArchive
{
    /// <summary>
    /// Writes <paramref name="image"/> to <paramref name="destination"/>, tagged <paramref name="repoTag"/>
    /// (default: the image's name; it must end in <c>:tag</c>). Without a name, <c>RepoTags</c> is empty.
    /// </summary>
    public static void Write(BuiltImage image, string destination, string? repoTag = null)
    {
        repoTag ??= image.Name;
        var ids = image.ChainIds.Select(ContentDigest.Hex).ToList();
        using var archive = new ArchiveTarWriter(destination, gzip: false);
        for (var i = 0; i < image.Layers.Count; i++)
        {
            archive.AddFile($"{ids[i]}/VERSION", "1.0");
            archive.AddFile($"{ids[i]}/json", LayerJson(ids[i], i == 0 ? null : ids[i - 1]));
            using var tar = image.Layers[i].OpenTar();
            archive.AddFile($"{ids[i]}/layer.tar", tar);
        }

        archive.AddFile($"{image.Config.Hex}.json", image.Blobs.ReadAllBytes(image.ConfigDigest));
        archive.AddFile("manifest.json", ManifestJson(image, ids, repoTag));
        archive.AddFile("repositories", RepositoriesJson(repoTag, ids[^1]));
    }

    private static string LayerJson(string id, string? parent)
    {
        var json = new JsonObject { ["id"] = id };
        if (parent is not null)
        {
            json["parent"] = parent;
        }

        json["created"] = "2000-01-01T00:00:00Z";
        json["container_config"] = new JsonObject { ["Cmd"] = null };
        return ImageJson.ToText(json);
    }

    private static string ManifestJson(BuiltImage image, List<string> ids, string? repoTag) => ImageJson.ToText(new JsonArray(
        new JsonObject
        {
            ["Config"] = $"{image.Config.Hex}.json",
            ["RepoTags"] = repoTag is null ? new JsonArray() : new JsonArray(repoTag),
            ["Layers"] = new JsonArray([.. ids.Select(id => JsonValue.Create($"{id}/layer.tar"))]),
        }));

    private static string RepositoriesJson(string? repoTag, string topId)
    {
        if (repoTag is null)
        {
            return "{}";
        }

        var colon = repoTag.LastIndexOf(':');
        if (colon < 0 || repoTag.IndexOf('/', colon) >= 0)
        {
            throw new ArgumentException($"'{repoTag}' has no tag; docker archives name images as repository:tag.", nameof(repoTag));
        }

        return ImageJson.ToText(new JsonObject { [repoTag[..colon]] = new JsonObject { [repoTag[(colon + 1)..]] = topId } });
    }
}
