using System.Formats.Tar;
using System.IO.Compression;
using UnpackBench.Testing.Images;

namespace UnpackBench.Testing.Tests.Images;

public sealed class LayerBuilderTests : IDisposable
{
    private readonly TempDirectory _temp = new("layers");
    private readonly BlobStore _blobs;

    public LayerBuilderTests() => _blobs = new BlobStore(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(TarEntryFormat.Pax)]
    [InlineData(TarEntryFormat.Gnu)]
    public void Layer_tar_read_back_holds_every_entry_that_was_added(TarEntryFormat format)
    {
        var layer = new LayerBuilder(format)
            .Directory("etc", UnixModes.FromOctal("0750"), uid: 1, gid: 2)
            .File("etc/hostname", "bench\n", UnixModes.FromOctal("0600"))
            .File("bin/tool", FileContent.Random(70_000, seed: 3), UnixModes.FromOctal("4755"), uid: 1000, gid: 1000)
            .File("zeros", FileContent.Zeros(100_000))
            .Symlink("etc/link", "../bin/tool")
            .Hardlink("bin/tool-again", "bin/tool")
            .Whiteout("old/file")
            .OpaqueWhiteout("cache")
            .File(new string('n', 120) + "/long-name", "long paths need PAX or GNU headers\n")
            .Build(_blobs, LayerCompression.Gzip);

        var readBack = LayerTarReader.ReadEntries(layer.BlobPath, LayerCompression.Gzip);

        Assert.Equal(layer.Entries, readBack);
        Assert.Equal(
            ["etc", "etc/hostname", "bin/tool", "zeros", "etc/link", "bin/tool-again", "old/.wh.file", "cache/.wh..wh..opq", new string('n', 120) + "/long-name"],
            readBack.Select(entry => entry.Path));
        Assert.Equal(
            [LayerEntryKind.Directory, LayerEntryKind.File, LayerEntryKind.File, LayerEntryKind.File, LayerEntryKind.Symlink, LayerEntryKind.Hardlink],
            readBack.Take(6).Select(entry => entry.Kind));
        Assert.Equal("../bin/tool", readBack[4].LinkTarget);
        Assert.Equal("bin/tool", readBack[5].LinkTarget);
        Assert.Equal(ContentDigest.Of(FileContent.Random(70_000, seed: 3).Open()), readBack[2].ContentDigest);
        Assert.True(readBack[6].IsWhiteout);
        Assert.Equal("old/file", readBack[6].WhiteoutTarget);
        Assert.True(readBack[7].IsOpaqueWhiteout);
    }

    [Fact]
    public void Every_entry_has_the_fixed_modification_time()
    {
        var layer = new LayerBuilder().Directory("d").File("d/f", "x").Symlink("l", "d/f").Build(_blobs, LayerCompression.None);

        using var tar = new TarReader(layer.OpenTar());
        while (tar.GetNextEntry() is { } entry)
        {
            Assert.Equal(LayerBuilder.ModificationTime, entry.ModificationTime);
            Assert.Equal(string.Empty, (entry as PosixTarEntry)?.UserName);
        }
    }

    [Theory]
    [InlineData(LayerCompression.None)]
    [InlineData(LayerCompression.Gzip)]
    [InlineData(LayerCompression.Zstd)]
    public void Blob_decompresses_to_the_tar_whose_digest_is_the_diff_id(LayerCompression compression)
    {
        var layer = new LayerBuilder().File("a", FileContent.Random(50_000, seed: 1)).File("b", "b").Build(_blobs, compression);

        using var tar = layer.OpenTar();
        using var copy = new MemoryStream();
        tar.CopyTo(copy);

        Assert.Equal(layer.DiffId, ContentDigest.Of(copy.ToArray()));
        Assert.Equal(layer.UncompressedSize, copy.Length);
        if (compression == LayerCompression.None)
        {
            Assert.Equal(layer.Digest, layer.DiffId);
        }
        else
        {
            Assert.NotEqual(layer.Digest, layer.DiffId);
        }
    }

    [Theory]
    [InlineData(LayerCompression.Gzip)]
    [InlineData(LayerCompression.Zstd)]
    public void Blob_digest_and_size_are_the_sha256_and_length_of_the_blob_file(LayerCompression compression)
    {
        var layer = new LayerBuilder().File("a", "hello").Build(_blobs, compression);

        Assert.Equal(_blobs.PathOf(layer.Digest), layer.BlobPath);
        Assert.Equal(layer.Digest, ContentDigest.OfFile(layer.BlobPath));
        Assert.Equal(layer.Size, new FileInfo(layer.BlobPath).Length);
        Assert.Equal("sha256:" + Path.GetFileName(layer.BlobPath), layer.Digest);
    }

    [Theory]
    [InlineData(LayerCompression.Gzip)]
    [InlineData(LayerCompression.Zstd)]
    public void Zeros_compress_well_and_random_content_does_not(LayerCompression compression)
    {
        const int size = 4 * 1024 * 1024;
        var zeros = new LayerBuilder().File("zeros", FileContent.Zeros(size)).Build(_blobs, compression);
        var random = new LayerBuilder().File("random", FileContent.Random(size, seed: 42)).Build(_blobs, compression);

        Assert.True(zeros.Size < size / 100, $"4 MiB of zeros compressed to {zeros.Size} bytes");
        Assert.True(random.Size > size * 0.99, $"4 MiB of random bytes compressed to {random.Size} bytes");
    }

    [Fact]
    public void Generated_content_streams_instead_of_sitting_in_memory()
    {
        const long size = 64L * 1024 * 1024;
        var builder = new LayerBuilder().File("big", FileContent.Random(size, seed: 5));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var layer = builder.Build(_blobs, LayerCompression.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(layer.UncompressedSize > size);
        Assert.True(allocated < 8 * 1024 * 1024, $"building a 64 MiB layer allocated {allocated} bytes");
    }

    [Fact]
    public void Same_entries_build_the_same_blob_every_time()
    {
        LayerBuilder Builder() => new LayerBuilder().Directory("d").File("d/f", FileContent.Random(10_000, seed: 1)).Symlink("l", "d/f");

        var first = Builder().Build(_blobs, LayerCompression.Gzip);
        var second = Builder().Build(_blobs, LayerCompression.Gzip);

        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(first.DiffId, second.DiffId);
    }

    [Fact]
    public void Default_layer_has_no_process_specific_headers()
    {
        var layer = new LayerBuilder().Directory("d").File("d/f", "x").Build(_blobs, LayerCompression.None);

        var bytes = File.ReadAllBytes(layer.BlobPath);

        Assert.DoesNotContain("PaxHeaders", System.Text.Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        // The same bytes in every process and run: a change here means layers are no longer reproducible.
        Assert.Equal("sha256:7e4c4b5497714e64c061cde1a0ccc61fbdf97e8feaf5c9fa970da596730cb64f", layer.DiffId);
    }

    [Fact]
    public void Random_content_depends_only_on_its_seed()
    {
        static string DigestOf(FileContent content) => ContentDigest.Of(content.Open());

        Assert.Equal(DigestOf(FileContent.Random(200_000, seed: 1)), DigestOf(FileContent.Random(200_000, seed: 1)));
        Assert.NotEqual(DigestOf(FileContent.Random(200_000, seed: 1)), DigestOf(FileContent.Random(200_000, seed: 2)));
    }

    [Fact]
    public void Hardlink_to_a_path_not_added_before_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new LayerBuilder().Hardlink("b", "a"));

        Assert.Contains("must be added to this layer before the link", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Media_type_follows_format_and_compression()
    {
        var gzip = new LayerBuilder().File("a", "a").Build(_blobs, LayerCompression.Gzip);
        var zstd = new LayerBuilder().File("a", "a").Build(_blobs, LayerCompression.Zstd);

        Assert.Equal(MediaTypes.OciLayerGzip, gzip.MediaType(ImageFormat.Oci));
        Assert.Equal(MediaTypes.DockerLayerGzip, gzip.MediaType(ImageFormat.Docker));
        Assert.Equal(MediaTypes.OciLayerZstd, zstd.MediaType(ImageFormat.Oci));
        Assert.Throws<NotSupportedException>(() => zstd.MediaType(ImageFormat.Docker));
    }

    [Fact]
    public void Gzip_blob_is_a_plain_gzip_stream()
    {
        var layer = new LayerBuilder().File("a", "a").Build(_blobs, LayerCompression.Gzip);

        using var gzip = new GZipStream(File.OpenRead(layer.BlobPath), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        Assert.Equal("a", tar.GetNextEntry()!.Name);
    }
}
