using System.Text.Json.Nodes;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Images;

namespace UnpackBench.Testing.Tests.Archives;

public sealed class DockerArchiveTests : IDisposable
{
    private readonly TempDirectory _temp = new("docker-archive");
    private readonly OciLayout _layout;

    public DockerArchiveTests() => _layout = OciLayout.Create(_temp.Combine("layout"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Docker_archive_has_manifest_config_repositories_and_uncompressed_layer_tars()
    {
        var image = SampleImage.Build(_layout, ImageFormat.Docker, "docker.io/unpackbench/sample:v1");
        var archive = _temp.Combine("docker.tar");

        DockerArchive.Write(image, archive);

        var entries = ArchiveReading.ReadAll(archive);
        var manifest = Assert.Single(JsonNode.Parse(entries["manifest.json"]!)!.AsArray())!;
        Assert.Equal($"{image.Config.Hex}.json", (string?)manifest["Config"]);
        Assert.Equal(["docker.io/unpackbench/sample:v1"], manifest["RepoTags"]!.AsArray().Select(tag => (string?)tag));
        Assert.Equal(image.Blobs.ReadAllBytes(image.ConfigDigest), entries[$"{image.Config.Hex}.json"]);

        var layerPaths = manifest["Layers"]!.AsArray().Select(path => (string)path!).ToList();
        Assert.Equal(image.Layers.Count, layerPaths.Count);
        for (var i = 0; i < layerPaths.Count; i++)
        {
            var id = layerPaths[i][..^"/layer.tar".Length];
            Assert.Equal(image.DiffIds[i], ContentDigest.Of(entries[layerPaths[i]]!));
            Assert.Equal("1.0", System.Text.Encoding.UTF8.GetString(entries[$"{id}/VERSION"]!));
            var json = JsonNode.Parse(entries[$"{id}/json"]!)!;
            Assert.Equal(id, (string?)json["id"]);
            Assert.Equal(i == 0 ? null : layerPaths[i - 1][..64], (string?)json["parent"]);
        }

        var repositories = JsonNode.Parse(entries["repositories"]!)!;
        Assert.Equal(layerPaths[^1][..64], (string?)repositories["docker.io/unpackbench/sample"]!["v1"]);
    }

    [Fact]
    public void Docker_archive_gives_a_repeated_layer_its_own_directory()
    {
        var layer = new LayerBuilder().File("a", "a").Build(_layout);
        var image = new ImageBuilder(Platform.LinuxAmd64).WithLayer(layer).WithLayer(layer).Build(_layout, ImageFormat.Docker, "repeat:v1");
        var archive = _temp.Combine("docker.tar");

        DockerArchive.Write(image, archive);

        var manifest = JsonNode.Parse(ArchiveReading.ReadAll(archive)["manifest.json"]!)![0]!;
        var layers = manifest["Layers"]!.AsArray().Select(path => (string?)path).ToList();
        Assert.Equal(2, layers.Distinct().Count());
    }

    [Fact]
    public void Name_without_a_tag_is_refused()
    {
        var image = SampleImage.Build(_layout, ImageFormat.Docker);

        var error = Assert.Throws<ArgumentException>(() => DockerArchive.Write(image, _temp.Combine("x.tar"), "localhost:5000/untagged"));

        Assert.Contains("has no tag", error.Message, StringComparison.Ordinal);
    }
}
