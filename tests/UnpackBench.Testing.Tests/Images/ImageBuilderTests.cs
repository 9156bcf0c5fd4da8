using System.Text.Json.Nodes;
using UnpackBench.Testing.Images;

namespace UnpackBench.Testing.Tests.Images;

public sealed class ImageBuilderTests : IDisposable
{
    private readonly TempDirectory _temp = new("images");
    private readonly OciLayout _layout;

    public ImageBuilderTests() => _layout = OciLayout.Create(_temp.Combine("layout"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Oci_image_has_oci_media_types_and_the_layers_diff_ids_in_its_config()
    {
        var bottom = new LayerBuilder().File("a", "a").Build(_layout, LayerCompression.Gzip);
        var top = new LayerBuilder().File("b", "b").Build(_layout, LayerCompression.Zstd);

        var image = new ImageBuilder(Platform.LinuxArm64).WithLayer(bottom).WithLayer(top).WithEnv("A=1").WithCmd("/app").Build(_layout);

        var manifest = ReadJson(image.ManifestDigest);
        Assert.Equal(MediaTypes.OciManifest, (string?)manifest["mediaType"]);
        Assert.Equal(2, (int?)manifest["schemaVersion"]);
        Assert.Equal(MediaTypes.OciConfig, (string?)manifest["config"]!["mediaType"]);
        Assert.Equal(image.ConfigDigest, (string?)manifest["config"]!["digest"]);
        Assert.Equal([MediaTypes.OciLayerGzip, MediaTypes.OciLayerZstd], manifest["layers"]!.AsArray().Select(layer => (string?)layer!["mediaType"]));
        Assert.Equal([bottom.Digest, top.Digest], manifest["layers"]!.AsArray().Select(layer => (string?)layer!["digest"]));
        Assert.Equal([bottom.Size, top.Size], manifest["layers"]!.AsArray().Select(layer => (long)layer!["size"]!));

        var config = ReadJson(image.ConfigDigest);
        Assert.Equal("arm64", (string?)config["architecture"]);
        Assert.Equal("linux", (string?)config["os"]);
        Assert.Equal("v8", (string?)config["variant"]);
        Assert.Equal("layers", (string?)config["rootfs"]!["type"]);
        Assert.Equal([bottom.DiffId, top.DiffId], config["rootfs"]!["diff_ids"]!.AsArray().Select(id => (string?)id));
        Assert.Equal(2, config["history"]!.AsArray().Count);
        Assert.Contains("A=1", config["config"]!["Env"]!.AsArray().Select(env => (string?)env));
        Assert.Equal(["/app"], config["config"]!["Cmd"]!.AsArray().Select(cmd => (string?)cmd));
        Assert.Equal(image.Descriptor.Size, new FileInfo(_layout.Blobs.PathOf(image.ManifestDigest)).Length);
    }

    [Fact]
    public void Docker_image_has_docker_schema2_media_types()
    {
        var gzip = new LayerBuilder().File("a", "a").Build(_layout, LayerCompression.Gzip);
        var plain = new LayerBuilder().File("b", "b").Build(_layout, LayerCompression.None);

        var image = new ImageBuilder(Platform.LinuxAmd64).WithLayer(gzip).WithLayer(plain).Build(_layout, ImageFormat.Docker);

        var manifest = ReadJson(image.ManifestDigest);
        Assert.Equal(MediaTypes.DockerManifest, image.Descriptor.MediaType);
        Assert.Equal(MediaTypes.DockerManifest, (string?)manifest["mediaType"]);
        Assert.Equal(MediaTypes.DockerConfig, (string?)manifest["config"]!["mediaType"]);
        Assert.Equal([MediaTypes.DockerLayerGzip, MediaTypes.DockerLayer], manifest["layers"]!.AsArray().Select(layer => (string?)layer!["mediaType"]));
    }

    [Fact]
    public void Docker_image_refuses_zstd_layers()
    {
        var zstd = new LayerBuilder().File("a", "a").Build(_layout, LayerCompression.Zstd);

        var error = Assert.Throws<NotSupportedException>(() => new ImageBuilder(Platform.LinuxAmd64).WithLayer(zstd).Build(_layout, ImageFormat.Docker));

        Assert.Contains("zstd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Layer_from_another_blob_store_is_refused_with_its_position()
    {
        using var elsewhere = new TempDirectory("elsewhere");
        var foreign = new LayerBuilder().File("a", "a").Build(new BlobStore(elsewhere.Path));

        var error = Assert.Throws<InvalidOperationException>(() => new ImageBuilder(Platform.LinuxAmd64).WithLayer(foreign).Build(_layout));

        Assert.Contains("layer 1/1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ImageFormat.Oci, MediaTypes.OciIndex, MediaTypes.OciManifest)]
    [InlineData(ImageFormat.Docker, MediaTypes.DockerManifestList, MediaTypes.DockerManifest)]
    public void Index_lists_each_platform_manifest_with_its_platform(ImageFormat format, string indexType, string manifestType)
    {
        var amd64 = SampleImage.Build(_layout, format, platform: Platform.LinuxAmd64);
        var arm64 = new ImageBuilder(Platform.LinuxArm64).WithLayer(new LayerBuilder().File("arm", "64").Build(_layout)).Build(_layout, format);

        var index = new ImageIndexBuilder().WithImage(amd64).WithImage(arm64).Build(_layout, format, "docker.io/unpackbench/multi:v1");

        var json = ReadJson(index.Descriptor.Digest);
        Assert.Equal(indexType, (string?)json["mediaType"]);
        var entries = json["manifests"]!.AsArray();
        Assert.Equal([amd64.ManifestDigest, arm64.ManifestDigest], entries.Select(entry => (string?)entry!["digest"]));
        Assert.All(entries, entry => Assert.Equal(manifestType, (string?)entry!["mediaType"]));
        Assert.Equal("amd64", (string?)entries[0]!["platform"]!["architecture"]);
        Assert.Equal("v8", (string?)entries[1]!["platform"]!["variant"]);
        Assert.Equal(arm64.ManifestDigest, index.ManifestDigests[Platform.LinuxArm64]);
        Assert.Same(arm64, index.ImageFor(Platform.LinuxArm64));
    }

    [Fact]
    public void Named_image_is_listed_in_index_json_with_its_ref_name()
    {
        var unnamed = SampleImage.Build(_layout);
        var named = new ImageBuilder(Platform.LinuxAmd64).WithLayers(unnamed.Layers).WithCmd("/named").Build(_layout, name: "docker.io/unpackbench/named:v1");

        var index = JsonNode.Parse(File.ReadAllText(_temp.Combine("layout", "index.json")))!;
        var entry = Assert.Single(index["manifests"]!.AsArray());
        Assert.Equal(named.ManifestDigest, (string?)entry!["digest"]);
        Assert.Equal("docker.io/unpackbench/named:v1", (string?)entry["annotations"]![OciLayout.RefNameAnnotation]);
        Assert.Equal("""{"imageLayoutVersion":"1.0.0"}""", File.ReadAllText(_temp.Combine("layout", "oci-layout")));
    }

    [Fact]
    public void Chain_ids_follow_the_oci_definition()
    {
        var image = SampleImage.Build(_layout);

        var chain = image.ChainIds;

        Assert.Equal(image.DiffIds[0], chain[0]);
        Assert.Equal(ContentDigest.Of(System.Text.Encoding.ASCII.GetBytes($"{chain[0]} {image.DiffIds[1]}")), chain[1]);
        Assert.Equal(3, chain.Count);
    }

    private JsonNode ReadJson(string digest) => JsonNode.Parse(_layout.Blobs.ReadAllBytes(digest))!;
}
