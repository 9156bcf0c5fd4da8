using System.Formats.Tar;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Images;

namespace UnpackBench.Testing.Tests.Archives;

public sealed class BrokenArchivesTests : IDisposable
{
    private readonly TempDirectory _temp = new("broken");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Truncated_archive_keeps_exactly_the_first_bytes()
    {
        var layout = OciLayout.Create(_temp.Combine("layout"));
        OciArchive.Write(SampleImage.Build(layout, name: "sample"), _temp.Combine("full.tar"));

        BrokenArchives.Truncated(_temp.Combine("full.tar"), 10_000, _temp.Combine("cut.tar"));

        var full = File.ReadAllBytes(_temp.Combine("full.tar"));
        Assert.Equal(full[..10_000], File.ReadAllBytes(_temp.Combine("cut.tar")));
    }

    [Fact]
    public void Not_an_image_is_a_valid_tar_without_image_metadata()
    {
        BrokenArchives.NotAnImage(_temp.Combine("files.tar"));

        using var tar = new TarReader(File.OpenRead(_temp.Combine("files.tar")));
        var names = new List<string>();
        while (tar.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
        }

        Assert.NotEmpty(names);
        Assert.DoesNotContain("index.json", names);
        Assert.DoesNotContain("manifest.json", names);
    }

    [Fact]
    public void Empty_and_text_files_are_not_tars()
    {
        BrokenArchives.Empty(_temp.Combine("empty.tar"));
        BrokenArchives.NotATar(_temp.Combine("text.tar"));

        Assert.Equal(0, new FileInfo(_temp.Combine("empty.tar")).Length);
        using var tar = new TarReader(File.OpenRead(_temp.Combine("text.tar")));
        Assert.ThrowsAny<InvalidDataException>(() => tar.GetNextEntry());
    }
}
