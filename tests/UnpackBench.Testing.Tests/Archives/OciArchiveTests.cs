using System.IO.Compression;
using System.Text.Json.Nodes;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Images;

namespace UnpackBench.Testing.Tests.Archives;

public sealed class OciArchiveTests : IDisposable
{
    private readonly TempDirectory _temp = new("oci-archive");
    private readonly OciLayout _layout;

    public OciArchiveTests() => _layout = OciLayout.Create(_temp.Combine("layout"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Oci_archive_holds_layout_file_index_and_every_blob_under_its_digest()
    {
        var image = SampleImage.Build(_layout, name: "docker.io/unpackbench/sample:v1");
        var archive = _temp.Combine("image.tar");

        OciArchive.Write(image, archive);

        var entries = ArchiveReading.ReadAll(archive);
        Assert.Equal("""{"imageLayoutVersion":"1.0.0"}""", System.Text.Encoding.UTF8.GetString(entries["oci-layout"]!));
        var index = JsonNode.Parse(entries["index.json"]!)!;
        Assert.Equal(MediaTypes.OciIndex, (string?)index["mediaType"]);
        var top = Assert.Single(index["manifests"]!.AsArray())!;
        Assert.Equal(image.ManifestDigest, (string?)top["digest"]);
        Assert.Equal("docker.io/unpackbench/sample:v1", (string?)top["annotations"]![OciLayout.RefNameAnnotation]);

        var blobs = entries.Where(entry => entry.Key.StartsWith("blobs/sha256/", StringComparison.Ordinal) && entry.Value is not null).ToList();
        Assert.Equal(
            image.Layers.Select(layer => layer.Digest).Append(image.ConfigDigest).Append(image.ManifestDigest).Order(),
            blobs.Select(blob => "sha256:" + blob.Key["blobs/sha256/".Length..]).Order());
        Assert.All(blobs, blob => Assert.Equal("sha256:" + blob.Key["blobs/sha256/".Length..], ContentDigest.Of(blob.Value!)));
    }

    [Fact]
    public void Oci_archive_of_an_index_holds_every_platform()
    {
        var amd64 = SampleImage.Build(_layout);
        var arm64 = new ImageBuilder(Platform.LinuxArm64).WithLayer(new LayerBuilder().File("arm", "64").Build(_layout)).Build(_layout);
        var index = new ImageIndexBuilder().WithImage(amd64).WithImage(arm64).Build(_layout, name: "multi");
        var archive = _temp.Combine("index.tar");

        OciArchive.Write(index, archive);

        var entries = ArchiveReading.ReadAll(archive);
        Assert.Equal(index.Descriptor.Digest, (string?)JsonNode.Parse(entries["index.json"]!)!["manifests"]![0]!["digest"]);
        Assert.All(
            OciArchive.AllBlobs(index),
            blob => Assert.True(entries.ContainsKey($"blobs/sha256/{blob.Hex}"), $"{blob.Digest} ({blob.MediaType}) is missing"));
        Assert.Contains($"blobs/sha256/{arm64.ManifestDigest[7..]}", entries.Keys);
    }

    [Fact]
    public void Gzipped_oci_archive_decompresses_to_the_plain_archive()
    {
        var image = SampleImage.Build(_layout, name: "sample");
        OciArchive.Write(image, _temp.Combine("plain.tar"));

        OciArchive.Write(image, _temp.Combine("image.tar.gz"), gzip: true);

        using var gzip = new GZipStream(File.OpenRead(_temp.Combine("image.tar.gz")), CompressionMode.Decompress);
        using var decompressed = new MemoryStream();
        gzip.CopyTo(decompressed);
        Assert.Equal(File.ReadAllBytes(_temp.Combine("plain.tar")), decompressed.ToArray());
    }

    [Fact]
    public void Same_image_gives_the_same_archive_bytes()
    {
        var image = SampleImage.Build(_layout, name: "sample");

        OciArchive.Write(image, _temp.Combine("one.tar"));
        OciArchive.Write(image, _temp.Combine("two.tar"));

        Assert.Equal(ContentDigest.OfFile(_temp.Combine("one.tar")), ContentDigest.OfFile(_temp.Combine("two.tar")));
    }
}
