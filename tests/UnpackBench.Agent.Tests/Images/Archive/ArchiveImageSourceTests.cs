using System.Formats.Tar;
using System.Text;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Images.Archive;
using UnpackBench.Core.Images;
using UnpackBench.Testing;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Images;
using CoreMediaTypes = UnpackBench.Core.Images.MediaTypes;
using CorePlatform = UnpackBench.Core.Images.Platform;
using TestPlatform = UnpackBench.Testing.Images.Platform;

namespace UnpackBench.Agent.Tests.Images.Archive;

public sealed class ArchiveImageSourceTests : IDisposable
{
    private static readonly CorePlatform Amd64 = CorePlatform.Parse("linux/amd64");
    private readonly TempDirectory _directory = new("archive-source");

    public void Dispose() => _directory.Dispose();

    private string Scratch => _directory.CreateSubdirectory("scratch");

    [Fact]
    public async Task Reads_an_oci_layout_tar_back_to_the_same_layer_bytes()
    {
        var image = SampleImage.Build(Layout(), name: "app:v1");
        var archive = _directory.Combine("app.tar");
        OciArchive.Write(image, archive);
        await using var source = new ArchiveImageSource(archive, Amd64, Scratch);

        var content = await SourceContent.ReadAsync(source, Amd64);

        Assert.Equal(image.ManifestDigest, content.Root.Digest.ToString());
        Assert.Equal(CoreMediaTypes.OciManifest, content.Root.MediaType);
        Assert.Equal(image.DiffIds, content.Config.DiffIds.Select(d => d.ToString()));
        AssertLayerBlobsAre(image, content);
        Assert.Equal(("app.tar", "archive"), (source.DisplayName, source.Kind));
    }

    [Fact]
    public async Task Reads_a_gzip_compressed_oci_layout_tar_through_a_temporary_copy_deleted_on_dispose()
    {
        var image = SampleImage.Build(Layout());
        var archive = _directory.Combine("app.tar"); // no .gz: compression is recognised by its bytes
        OciArchive.Write(image, archive, gzip: true);
        var scratch = Scratch;

        await using (var source = new ArchiveImageSource(archive, Amd64, scratch))
        {
            var content = await SourceContent.ReadAsync(source, Amd64);

            AssertLayerBlobsAre(image, content);
            Assert.Single(Directory.GetFiles(scratch));
        }

        Assert.Empty(Directory.GetFiles(scratch));
    }

    [Fact]
    public async Task Reads_a_legacy_docker_save_tar_through_a_synthesised_schema_2_manifest()
    {
        var image = SampleImage.Build(Layout(), ImageFormat.Docker);
        var archive = _directory.Combine("saved.tar");
        DockerArchive.Write(image, archive, "app:v1");
        await using var source = new ArchiveImageSource(archive, Amd64, Scratch);

        var content = await SourceContent.ReadAsync(source, Amd64);

        Assert.Equal(CoreMediaTypes.DockerManifest, content.Root.MediaType);
        Assert.Equal(Digest.Sha256Of(content.RootBytes), content.Root.Digest);
        Assert.Equal(image.DiffIds, content.LayerDescriptors.Select(l => l.Digest.ToString()));
        Assert.All(content.LayerDescriptors, l => Assert.Equal(CoreMediaTypes.DockerLayer, l.MediaType));
        var manifest = ImageDocumentParser.ParseManifest(content.RootBytes);
        Assert.Equal((CoreMediaTypes.DockerConfig, image.ConfigDigest), (manifest.Config.MediaType, manifest.Config.Digest.ToString()));
        for (var i = 0; i < image.Layers.Count; i++)
        {
            using var tar = image.Layers[i].OpenTar();
            using var expected = new MemoryStream();
            await tar.CopyToAsync(expected);
            Assert.Equal(expected.ToArray(), content.Layers[i]);
        }
    }

    [Fact]
    public async Task Returns_the_index_of_a_multi_platform_archive_so_the_platform_is_picked_like_from_a_registry()
    {
        var (index, _, arm64) = BuildIndex(Layout());
        var archive = _directory.Combine("multi.tar");
        OciArchive.Write(index, archive, name: "multi:latest");
        await using var source = new ArchiveImageSource(archive, CorePlatform.Parse("linux/arm64"), Scratch);

        var content = await SourceContent.ReadAsync(source, CorePlatform.Parse("linux/arm64"));

        Assert.Equal(index.Descriptor.Digest, content.Root.Digest.ToString());
        Assert.Equal(arm64.ManifestDigest, content.Manifest.Digest.ToString());
        AssertLayerBlobsAre(arm64, content);
    }

    [Fact]
    public async Task A_flat_index_json_of_one_image_for_several_platforms_becomes_a_synthesised_index()
    {
        var layout = Layout();
        var (_, amd64, arm64) = BuildIndex(layout);
        var indexJson = OciLayout.IndexJson([amd64.Descriptor with { Platform = amd64.Platform }, arm64.Descriptor with { Platform = arm64.Platform }]);
        File.WriteAllText(Path.Combine(layout.Path, "index.json"), indexJson);
        var archive = _directory.Combine("flat.tar");
        TarFile.CreateFromDirectory(layout.Path, archive, includeBaseDirectory: false);
        await using var source = new ArchiveImageSource(archive, Amd64, Scratch);

        var content = await SourceContent.ReadAsync(source, Amd64);

        Assert.Equal(CoreMediaTypes.OciIndex, content.Root.MediaType);
        Assert.Equal(Encoding.UTF8.GetBytes(indexJson), content.RootBytes);
        Assert.Equal(Digest.Sha256Of(content.RootBytes), content.Root.Digest);
        Assert.Equal(amd64.ManifestDigest, content.Manifest.Digest.ToString());
        AssertLayerBlobsAre(amd64, content);
    }

    [Fact]
    public async Task An_oci_archive_of_several_images_is_refused_and_they_are_named()
    {
        var layout = Layout();
        SampleImage.Build(layout, name: "app:v1");
        new ImageBuilder(TestPlatform.LinuxAmd64).WithLayer(new LayerBuilder().File("v2", "2\n").Build(layout)).Build(layout, name: "app:v2");
        var archive = _directory.Combine("two.tar");
        TarFile.CreateFromDirectory(layout.Path, archive, includeBaseDirectory: false);

        var e = await ResolveFailsAsync(archive);

        Assert.Equal(ImageSourceFailure.Invalid, e.Failure);
        Assert.StartsWith($"archive '{archive}' holds 2 images (app:v1, app:v2); UnpackBench benchmarks one image and has no option to choose among several", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_docker_save_of_several_images_is_refused_and_they_are_named()
    {
        var archive = _directory.Combine("two-saved.tar");
        using (var writer = new TarWriter(File.Create(archive), TarEntryFormat.Pax))
        {
            var manifest = """[{"Config":"a.json","RepoTags":["app:v1"],"Layers":["a/layer.tar"]},{"Config":"b.json","RepoTags":["db:v2"],"Layers":["b/layer.tar"]}]""";
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "manifest.json") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(manifest)) });
        }

        var e = await ResolveFailsAsync(archive);

        Assert.StartsWith($"archive '{archive}' holds 2 images (app:v1, db:v2)", e.Message, StringComparison.Ordinal);
    }

    internal static void AssertLayerBlobsAre(BuiltImage image, SourceContent content)
    {
        Assert.Equal(image.Layers.Select(l => l.Digest), content.LayerDescriptors.Select(l => l.Digest.ToString()));
        for (var i = 0; i < image.Layers.Count; i++)
        {
            Assert.Equal(File.ReadAllBytes(image.Layers[i].BlobPath), content.Layers[i]);
        }
    }

    internal static (BuiltImageIndex Index, BuiltImage Amd64, BuiltImage Arm64) BuildIndex(OciLayout layout)
    {
        var amd64 = SampleImage.Build(layout, platform: TestPlatform.LinuxAmd64);
        var arm64 = new ImageBuilder(TestPlatform.LinuxArm64)
            .WithLayer(new LayerBuilder().File("arm64-only", "hello from arm64\n").Build(layout))
            .Build(layout);
        return (new ImageIndexBuilder().WithImage(amd64).WithImage(arm64).Build(layout), amd64, arm64);
    }

    private async Task<ImageSourceException> ResolveFailsAsync(string archive)
    {
        await using var source = new ArchiveImageSource(archive, Amd64, Scratch);
        return await Assert.ThrowsAsync<ImageSourceException>(() => source.ResolveAsync(CancellationToken.None));
    }

    private OciLayout Layout() => OciLayout.Create(_directory.CreateSubdirectory($"layout-{Guid.NewGuid():N}"));
}
