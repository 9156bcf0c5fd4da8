using UnpackBench.Agent.Images;
using UnpackBench.Agent.Images.Archive;
using UnpackBench.Agent.Prediction;
using UnpackBench.Core.Images;
using UnpackBench.Core.Prediction;
using UnpackBench.Testing;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Images;
using Commands = UnpackBench.Testing.Processes.CommandLine;
using CoreMediaTypes = UnpackBench.Core.Images.MediaTypes;

namespace UnpackBench.Agent.Tests.Prediction;

/// <summary>Counted features against what GNU tar lists for real layers: written by GNU tar itself, and by the test image writer.</summary>
public sealed class LayerFeatureCounterTests : IDisposable
{
    private readonly TempDirectory _directory = new("features");

    [Theory]
    [InlineData("gzip")]
    [InlineData("zstd")]
    [InlineData("none")]
    public async Task A_layer_gnu_tar_wrote_is_counted_as_tar_tv_lists_it(string compression)
    {
        var (blob, diffId) = await GnuTarLayerAsync(compression);
        var descriptor = new ContentDescriptor(MediaTypeOf(compression), Digest.Parse(ContentDigest.OfFile(blob)), new FileInfo(blob).Length);

        var features = await LayerFeatureCounter.CountAsync(File.OpenRead(blob), descriptor, diffId, "layer 1/1", CancellationToken.None);

        AssertMatches(await TarListing.OfAsync(blob, compression), features);
        Assert.Equal(compression, features.Compression);
        Assert.Equal(new FileInfo(blob).Length, features.CompressedBytes);
        Assert.Equal(new FileInfo(_directory.Combine("layer.tar")).Length, features.UncompressedBytes);
        Assert.Equal(300, features.Files);
        Assert.Equal(2, features.Symlinks);
        Assert.Equal(1, features.Hardlinks);
        Assert.Equal(1, features.OtherEntries);
        Assert.Equal(1, features.Whiteouts);
        Assert.Equal(9, features.MaxDepth);

        // 300 files two directories down, 21 d*/e* directories, a/b/…/h (0 + 1 + … + 7), the whiteout under h, a/dangling.
        Assert.Equal(600 + 21 + 28 + 8 + 1, features.PathComponents);
    }

    [Fact]
    public async Task Every_layer_of_the_sample_image_read_from_an_archive_is_counted_as_tar_tv_lists_it()
    {
        var image = SampleImage.Build(OciLayout.Create(_directory.Combine("layout")), ImageFormat.Oci, "example.com/sample:1");
        var archive = _directory.Combine("sample.tar");
        OciArchive.Write(image, archive);
        await using var source = new ArchiveImageSource(archive, Core.Images.Platform.Parse("linux/amd64"), _directory.Combine("scratch"));

        var resolved = await ImageResolver.ResolveAsync(source, Core.Images.Platform.Parse("linux/amd64"), platformExplicit: false, CancellationToken.None);
        var features = await ImageFeatureCounter.CountAsync(source, resolved, null, CancellationToken.None);

        Assert.Equal(image.ManifestDigest, features.ManifestDigest);
        Assert.Equal(image.Layers.Select(l => l.Digest), features.Layers.Select(l => l.Digest));
        Assert.Equal(["gzip", "zstd", "gzip"], features.Layers.Select(l => l.Compression));
        for (var i = 0; i < image.Layers.Count; i++)
        {
            var layer = image.Layers[i];
            AssertMatches(await TarListing.OfAsync(layer.BlobPath, features.Layers[i].Compression), features.Layers[i]);
            Assert.Equal(layer.UncompressedSize, features.Layers[i].UncompressedBytes);
            Assert.Equal(layer.Size, features.Layers[i].CompressedBytes);
        }

        Assert.Equal(3, features.Layers[1].Whiteouts);
    }

    [Fact]
    public async Task A_blob_whose_bytes_do_not_match_its_digest_is_refused_as_corrupt()
    {
        var (blob, diffId) = await GnuTarLayerAsync("gzip");
        var descriptor = new ContentDescriptor(CoreMediaTypes.OciLayerGzip, Digest.Sha256Of("something else"), new FileInfo(blob).Length);

        var error = await Assert.ThrowsAsync<ImageSourceException>(() => LayerFeatureCounter.CountAsync(File.OpenRead(blob), descriptor, diffId, "layer 2/3", CancellationToken.None));

        Assert.Equal(ImageSourceFailure.Invalid, error.Failure);
        Assert.Contains("layer 2/3: its blob", error.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blob_that_is_not_what_its_media_type_says_is_refused_naming_the_media_type()
    {
        var (blob, diffId) = await GnuTarLayerAsync("none");
        var descriptor = new ContentDescriptor(CoreMediaTypes.OciLayerZstd, Digest.Parse(ContentDigest.OfFile(blob)), new FileInfo(blob).Length);

        var error = await Assert.ThrowsAsync<ImageSourceException>(() => LayerFeatureCounter.CountAsync(File.OpenRead(blob), descriptor, diffId, "layer 1/1", CancellationToken.None));

        Assert.Contains($"is not a zstd-compressed tar as its media type {CoreMediaTypes.OciLayerZstd} says", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private static void AssertMatches(TarListing expected, LayerFeatures actual)
    {
        Assert.Equal(expected.Files, actual.Files);
        Assert.Equal(expected.FileBytes, actual.FileBytes);
        Assert.Equal(expected.Directories, actual.Directories);
        Assert.Equal(expected.Symlinks, actual.Symlinks);
        Assert.Equal(expected.Hardlinks, actual.Hardlinks);
        Assert.Equal(expected.Whiteouts, actual.Whiteouts);
        Assert.Equal(expected.Other, actual.OtherEntries);
        Assert.Equal(expected.MaxDepth, actual.MaxDepth);
        Assert.Equal(expected.PathComponents, actual.PathComponents);
    }

    private static string MediaTypeOf(string compression) => compression switch
    {
        "gzip" => CoreMediaTypes.OciLayerGzip,
        "zstd" => CoreMediaTypes.OciLayerZstd,
        _ => CoreMediaTypes.OciLayer,
    };

    // A tree with files of many sizes (empty to 1 MB), nine levels deep, symlinks, a hard link, a FIFO and
    // a whiteout marker, archived by GNU tar and compressed by the gzip or zstd tools.
    private async Task<(string Blob, Digest DiffId)> GnuTarLayerAsync(string compression)
    {
        var tree = _directory.CreateSubdirectory("tree");
        var random = new Random(5);
        for (var i = 0; i < 300; i++)
        {
            var directory = Directory.CreateDirectory(Path.Combine(tree, $"d{i % 7}", $"e{i % 3}")).FullName;
            var bytes = new byte[i % 50 == 0 ? random.Next(0, 1_000_000) : random.Next(0, 5000)];
            random.NextBytes(bytes);
            await File.WriteAllBytesAsync(Path.Combine(directory, $"f{i}.bin"), bytes);
        }

        var deep = Directory.CreateDirectory(Path.Combine(tree, "a", "b", "c", "d", "e", "f", "g", "h")).FullName;
        await File.WriteAllTextAsync(Path.Combine(deep, ".wh.gone"), "");
        File.CreateSymbolicLink(Path.Combine(tree, "link"), "d0/e0/f0.bin");
        File.CreateSymbolicLink(Path.Combine(tree, "a", "dangling"), "/nowhere");
        await Commands.RunAsync("ln", [Path.Combine(tree, "d1", "e1", "f1.bin"), Path.Combine(tree, "hard")]);
        await Commands.RunAsync("mkfifo", [Path.Combine(tree, "pipe")]);

        var tar = _directory.Combine("layer.tar");
        await Commands.RunAsync(Prerequisites.RequireExecutable("tar", "apt-get install -y tar"), ["--numeric-owner", "--owner=0", "--group=0", "-C", tree, "-cf", tar, "."]);
        var diffId = Digest.Parse(ContentDigest.OfFile(tar));
        var blob = _directory.Combine($"layer.{compression}");
        switch (compression)
        {
            case "gzip":
                await Commands.RunAsync(Prerequisites.RequireExecutable("gzip", "apt-get install -y gzip"), ["-n", "-k", "-f", tar]);
                File.Move(tar + ".gz", blob);
                break;
            case "zstd":
                await Commands.RunAsync(Prerequisites.RequireExecutable("zstd", "apt-get install -y zstd"), ["-q", "-f", tar, "-o", blob]);
                break;
            default:
                File.Copy(tar, blob);
                break;
        }

        return (blob, diffId);
    }
}
