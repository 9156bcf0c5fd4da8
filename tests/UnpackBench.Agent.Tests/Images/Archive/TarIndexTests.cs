using System.Formats.Tar;
using System.IO.Compression;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Images.Archive;
using UnpackBench.Testing;

namespace UnpackBench.Agent.Tests.Images.Archive;

public sealed class TarIndexTests : IDisposable
{
    private static readonly HashSet<string> NoDocuments = [];
    private readonly TempDirectory _directory = new("tar-index");

    public void Dispose() => _directory.Dispose();

    // TarReader's position after GetNextEntry is already past the entry's data, so the index relies on
    // TarEntry.DataOffset; this checks that offset against the reader's own data stream for every header
    // format, including PAX and GNU long names whose extra headers come before the data.
    [Theory]
    [InlineData("pax with long names", TarEntryFormat.Pax, 150)]
    [InlineData("gnu with long names", TarEntryFormat.Gnu, 150)]
    [InlineData("ustar", TarEntryFormat.Ustar, 20)]
    [InlineData("v7", TarEntryFormat.V7, 20)]
    public async Task Every_entry_is_located_at_the_bytes_the_tar_reader_returns_for_it(string @case, TarEntryFormat format, int nameLength)
    {
        var contents = Enumerable.Range(0, 5).Select(i => RandomBytes(i * 777, seed: i)).ToList();
        var names = contents.Select((_, i) => $"dir/{new string('n', nameLength)}-{i}").ToList();
        var path = WriteTar("entries.tar", format, names.Zip(contents).ToArray());
        using var archive = await TarArchiveFile.OpenAsync(path, _directory.Path, CancellationToken.None);

        var index = await TarIndex.BuildAsync(archive, NoDocuments, 1024, CancellationToken.None);

        for (var i = 0; i < names.Count; i++)
        {
            var entry = index.Find(names[i]);
            Assert.True(entry is not null, $"{@case}: {names[i]} not indexed");
            Assert.Equal(contents[i], await index.ReadAllAsync(entry, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Requested_documents_are_read_during_the_pass_and_names_lose_their_dot_slash()
    {
        var path = WriteTar("docs.tar", TarEntryFormat.Pax, ("./index.json", "{}"u8.ToArray()), ("./blobs/sha256/aa", new byte[10]));
        using var archive = await TarArchiveFile.OpenAsync(path, _directory.Path, CancellationToken.None);

        var index = await TarIndex.BuildAsync(archive, new HashSet<string> { "index.json" }, 1024, CancellationToken.None);

        Assert.Equal("{}"u8.ToArray(), index.Document("index.json"));
        Assert.Null(index.Document("blobs/sha256/aa"));
        Assert.Equal(10, index.Find("blobs/sha256/aa")?.Size);
    }

    [Fact]
    public async Task Symbolic_and_hard_links_lead_to_their_target_file()
    {
        var path = _directory.Combine("links.tar");
        using (var writer = new TarWriter(File.Create(path), TarEntryFormat.Pax))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "aaa/layer.tar") { DataStream = new MemoryStream([1, 2, 3]) });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "bbb/layer.tar") { LinkName = "../aaa/layer.tar" });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, "ccc/layer.tar") { LinkName = "bbb/layer.tar" });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "loop") { LinkName = "loop" });
        }

        using var archive = await TarArchiveFile.OpenAsync(path, _directory.Path, CancellationToken.None);
        var index = await TarIndex.BuildAsync(archive, NoDocuments, 1024, CancellationToken.None);

        Assert.Equal("aaa/layer.tar", index.Find("bbb/layer.tar")?.Name);
        Assert.Equal("aaa/layer.tar", index.Find("ccc/layer.tar")?.Name);
        Assert.Null(index.Find("loop"));
    }

    [Fact]
    public async Task A_gzip_compressed_tar_is_recognised_by_its_bytes_and_decompressed_into_the_scratch_directory_until_disposed()
    {
        var plain = WriteTar("inner.tar", TarEntryFormat.Pax, ("file", RandomBytes(5000, 1)));
        var compressed = _directory.Combine("archive.tar"); // named like a plain tar on purpose
        using (var output = File.Create(compressed))
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            File.OpenRead(plain).CopyTo(gzip);
        }

        var scratch = _directory.CreateSubdirectory("scratch");
        TarEntryLocation? entry;
        using (var archive = await TarArchiveFile.OpenAsync(compressed, scratch, CancellationToken.None))
        {
            Assert.Equal("gzip", archive.Compression);
            Assert.Single(Directory.GetFiles(scratch));
            var index = await TarIndex.BuildAsync(archive, NoDocuments, 1024, CancellationToken.None);
            entry = index.Find("file");
            Assert.Equal(RandomBytes(5000, 1), await index.ReadAllAsync(entry!, CancellationToken.None));
        }

        Assert.Empty(Directory.GetFiles(scratch));
    }

    [Theory]
    [InlineData("inside the first entry's data", 3000)]
    [InlineData("inside the second entry's header", 5632 + 100)]
    [InlineData("inside the second entry's data", 5632 + 1536 + 10)]
    public async Task A_truncated_tar_is_reported_as_truncated(string @case, int length)
    {
        var full = WriteTar("full.tar", TarEntryFormat.Pax, ("first", RandomBytes(4000, 1)), ("second", RandomBytes(4000, 2)));
        var cut = _directory.Combine("cut.tar");
        File.WriteAllBytes(cut, File.ReadAllBytes(full)[..length]);
        using var archive = await TarArchiveFile.OpenAsync(cut, _directory.Path, CancellationToken.None);

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => TarIndex.BuildAsync(archive, NoDocuments, 1024, CancellationToken.None));

        Assert.Equal(ImageSourceFailure.Invalid, e.Failure);
        Assert.True(e.Message.Contains("is truncated", StringComparison.Ordinal), $"{@case}: {e.Message}");
    }

    [Theory]
    [InlineData("short text", "hello, this is not a tar", "text 'hello, this is n'")]
    [InlineData("long json", "{\"looks\":\"like json\"}                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                          ", "JSON text")]
    public async Task A_file_that_is_not_a_tar_says_what_its_first_bytes_look_like(string @case, string content, string looksLike)
    {
        var path = _directory.Combine("x.tar");
        File.WriteAllText(path, content);
        using var archive = await TarArchiveFile.OpenAsync(path, _directory.Path, CancellationToken.None);

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => TarIndex.BuildAsync(archive, NoDocuments, 1024, CancellationToken.None));

        Assert.True(e.Message == $"'{path}' is not a tar archive (the first bytes look like {looksLike})", $"{@case}: {e.Message}");
    }

    [Fact]
    public async Task A_slice_reads_exactly_its_entry_and_can_seek()
    {
        var data = RandomBytes(3000, 7);
        var path = WriteTar("slice.tar", TarEntryFormat.Pax, ("before", RandomBytes(100, 1)), ("it", data), ("after", RandomBytes(100, 2)));
        using var archive = await TarArchiveFile.OpenAsync(path, _directory.Path, CancellationToken.None);
        var index = await TarIndex.BuildAsync(archive, NoDocuments, 1024, CancellationToken.None);
        await using var slice = index.Open(index.Find("it")!);

        using var all = new MemoryStream();
        await slice.CopyToAsync(all, 1000);
        slice.Seek(-10, SeekOrigin.End);
        var tail = new byte[64];
        var read = await slice.ReadAsync(tail);

        Assert.Equal(data, all.ToArray());
        Assert.Equal(data[^10..], tail[..read]);
        Assert.Equal(0, await slice.ReadAsync(tail));
    }

    private string WriteTar(string name, TarEntryFormat format, params (string Name, byte[] Content)[] entries)
    {
        var path = _directory.Combine(name);
        using var writer = new TarWriter(File.Create(path), format);
        foreach (var (entryName, content) in entries)
        {
            TarEntry entry = format switch
            {
                TarEntryFormat.Pax => new PaxTarEntry(TarEntryType.RegularFile, entryName),
                TarEntryFormat.Gnu => new GnuTarEntry(TarEntryType.RegularFile, entryName),
                TarEntryFormat.Ustar => new UstarTarEntry(TarEntryType.RegularFile, entryName),
                _ => new V7TarEntry(TarEntryType.V7RegularFile, entryName),
            };
            entry.DataStream = new MemoryStream(content);
            writer.WriteEntry(entry);
        }

        return path;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
