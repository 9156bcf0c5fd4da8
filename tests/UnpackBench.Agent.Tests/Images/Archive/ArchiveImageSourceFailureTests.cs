using System.IO.Compression;
using System.Text;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Images.Archive;
using UnpackBench.Testing;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Images;
using CorePlatform = UnpackBench.Core.Images.Platform;

namespace UnpackBench.Agent.Tests.Images.Archive;

/// <summary>Every way an archive can be unusable, each with the message a user can act on.</summary>
public sealed class ArchiveImageSourceFailureTests : IDisposable
{
    private static readonly CorePlatform Amd64 = CorePlatform.Parse("linux/amd64");
    private readonly TempDirectory _directory = new("archive-source");

    public void Dispose() => _directory.Dispose();

    private string Scratch => _directory.CreateSubdirectory("scratch");

    [Fact]
    public async Task A_missing_file_does_not_exist()
    {
        var archive = _directory.Combine("x.tar");

        var e = await ResolveFailsAsync(archive);

        Assert.Equal((ImageSourceFailure.Unreachable, $"archive '{archive}' does not exist"), (e.Failure, e.Message));
    }

    [Fact]
    public async Task A_directory_is_not_an_archive()
    {
        var e = await ResolveFailsAsync(_directory.Path);

        Assert.Equal(ImageSourceFailure.Unreachable, e.Failure);
        Assert.StartsWith($"archive '{_directory.Path}' is a directory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zero_byte_file_is_empty()
    {
        var archive = _directory.Combine("empty.tar");
        BrokenArchives.Empty(archive);

        var e = await ResolveFailsAsync(archive);

        Assert.Equal((ImageSourceFailure.Invalid, $"archive '{archive}' is empty (0 bytes)"), (e.Failure, e.Message));
    }

    [Fact]
    public async Task A_file_that_is_not_a_tar_says_what_it_looks_like()
    {
        var archive = _directory.Combine("text.tar");
        BrokenArchives.NotATar(archive);

        var e = await ResolveFailsAsync(archive);

        Assert.Equal($"'{archive}' is not a tar archive (the first bytes look like text 'this is not a ta')", e.Message);
    }

    [Fact]
    public async Task A_gzip_file_that_does_not_hold_a_tar_says_so()
    {
        var archive = _directory.Combine("text.tar.gz");
        using (var gzip = new GZipStream(File.Create(archive), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("plain words, no tar\n", 50))));
        }

        var e = await ResolveFailsAsync(archive);

        Assert.StartsWith($"'{archive}' is gzip-compressed, but what it holds is not a tar archive (the first bytes look like text", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zstd_compressed_archive_is_refused_with_how_to_decompress_it()
    {
        var archive = _directory.Combine("app.tar.zst");
        File.WriteAllBytes(archive, [0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x58, 0x61, 0x00]);

        var e = await ResolveFailsAsync(archive);

        Assert.Equal($"archive '{archive}' is zstd-compressed; only plain and gzip-compressed tar archives can be read: decompress it first (e.g. with 'zstd -d')", e.Message);
    }

    [Fact]
    public async Task A_tar_that_is_not_an_image_says_which_files_are_missing()
    {
        var archive = _directory.Combine("files.tar");
        BrokenArchives.NotAnImage(archive);

        var e = await ResolveFailsAsync(archive);

        Assert.Equal($"archive '{archive}' is a tar archive of 3 files but not an image: it holds neither index.json (OCI layout) nor manifest.json (docker save)", e.Message);
    }

    [Theory]
    [InlineData("plain", false)]
    [InlineData("gzip-compressed", true)]
    public async Task A_truncated_archive_is_reported_as_truncated(string @case, bool gzip)
    {
        var full = _directory.Combine($"full-{@case}.tar");
        OciArchive.Write(SampleImage.Build(Layout()), full, gzip);
        var archive = _directory.Combine($"cut-{@case}.tar");
        BrokenArchives.Truncated(full, new FileInfo(full).Length / 2, archive);

        var e = await ResolveFailsAsync(archive);

        Assert.Equal(ImageSourceFailure.Invalid, e.Failure);
        Assert.True(e.Message.StartsWith($"archive '{archive}' is truncated", StringComparison.Ordinal), $"{@case}: {e.Message}");
    }

    [Fact]
    public async Task A_layer_missing_from_the_archive_is_reported_before_anything_is_read()
    {
        var image = SampleImage.Build(Layout());
        var archive = Damaged(image, image.Layers[1].Digest, _ => null);

        var e = await ResolveFailsAsync(archive);

        Assert.Equal(
            $"archive '{archive}' is incomplete: it has no 'blobs/sha256/{ContentDigest.Hex(image.Layers[1].Digest)}', which holds layer 2/3 ({image.Layers[1].Digest}); the file is truncated or was exported without it",
            e.Message);
    }

    [Fact]
    public async Task A_blob_of_the_wrong_size_is_reported_as_corrupt()
    {
        var image = SampleImage.Build(Layout());
        var archive = Damaged(image, image.Layers[0].Digest, bytes => [.. bytes, 0]);

        var e = await ResolveFailsAsync(archive);

        Assert.Contains($"is corrupt: 'blobs/sha256/{ContentDigest.Hex(image.Layers[0].Digest)}' (layer 1/3, {image.Layers[0].Digest}) is {image.Layers[0].Size + 1} bytes, but its descriptor says {image.Layers[0].Size}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_whose_bytes_do_not_match_its_digest_is_rejected_when_read()
    {
        var image = SampleImage.Build(Layout());
        var archive = Damaged(image, image.ConfigDigest, bytes => [.. bytes[..^1], (byte)(bytes[^1] ^ 1)]);
        await using var source = new ArchiveImageSource(archive, Amd64, Scratch);

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => SourceContent.ReadAsync(source, Amd64));

        Assert.Equal(ImageSourceFailure.Invalid, e.Failure);
        Assert.StartsWith($"image config from archive '{archive}' does not match its digest: expected {image.ConfigDigest}, the bytes hash to sha256:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_platform_listed_but_not_saved_names_the_platforms_the_archive_has()
    {
        var (index, _, arm64) = ArchiveImageSourceTests.BuildIndex(Layout());
        var full = _directory.Combine("multi.tar");
        OciArchive.Write(index, full);
        var archive = _directory.Combine("amd64-only.tar");
        TarRewrite.Copy(full, archive, (name, bytes) => name.EndsWith(ContentDigest.Hex(arm64.ManifestDigest), StringComparison.Ordinal) ? null : bytes);
        await using var source = new ArchiveImageSource(archive, CorePlatform.Parse("linux/arm64"), Scratch);

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => source.ResolveAsync(CancellationToken.None));

        Assert.Equal(ImageSourceFailure.NotFound, e.Failure);
        Assert.Contains($"lists platform linux/arm64/v8 but does not contain its manifest ({arm64.ManifestDigest})", e.Message, StringComparison.Ordinal);
        Assert.Contains("Platforms in the archive: linux/amd64; choose one with --platform", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupted_layer_in_a_docker_save_is_caught_by_its_diff_id()
    {
        var image = SampleImage.Build(Layout(), ImageFormat.Docker);
        var saved = _directory.Combine("saved.tar");
        DockerArchive.Write(image, saved, "app:v1");
        var archive = _directory.Combine("corrupt-saved.tar");
        var first = ContentDigest.Hex(image.ChainIds[0]);
        TarRewrite.Copy(saved, archive, (name, bytes) => name == $"{first}/layer.tar" ? [.. bytes[..^1], (byte)(bytes[^1] ^ 1)] : bytes);

        var e = await ResolveFailsAsync(archive);

        Assert.StartsWith($"archive '{archive}' is corrupt: layer 1/3 ('{first}/layer.tar') hashes to sha256:", e.Message, StringComparison.Ordinal);
        Assert.EndsWith($"but the image config says its diff ID is {image.DiffIds[0]}", e.Message, StringComparison.Ordinal);
    }


    private string Damaged(BuiltImage image, string digest, Func<byte[], byte[]?> change)
    {
        var full = _directory.Combine($"full-{Guid.NewGuid():N}.tar");
        OciArchive.Write(image, full);
        var damaged = _directory.Combine($"damaged-{Guid.NewGuid():N}.tar");
        TarRewrite.Copy(full, damaged, (name, bytes) => name == $"blobs/sha256/{ContentDigest.Hex(digest)}" ? change(bytes) : bytes);
        return damaged;
    }

    private async Task<ImageSourceException> ResolveFailsAsync(string archive)
    {
        await using var source = new ArchiveImageSource(archive, Amd64, Scratch);
        return await Assert.ThrowsAsync<ImageSourceException>(() => source.ResolveAsync(CancellationToken.None));
    }

    private OciLayout Layout() => OciLayout.Create(_directory.CreateSubdirectory($"layout-{Guid.NewGuid():N}"));
}
