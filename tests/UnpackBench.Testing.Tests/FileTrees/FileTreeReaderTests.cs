using UnpackBench.Testing.FileTrees;
using UnpackBench.Testing.Images;
using UnpackBench.Testing.Processes;

namespace UnpackBench.Testing.Tests.FileTrees;

public sealed class FileTreeReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new("tree-reader");
    private readonly BuiltLayer _layer;
    private readonly string _root;

    public FileTreeReaderTests()
    {
        _layer = new LayerBuilder()
            .Directory("etc", UnixModes.FromOctal("0750"), uid: 10, gid: 20)
            .File("etc/config", "key=value\n", UnixModes.FromOctal("0600"))
            .Symlink("etc/link", "config")
            .File("usr/bin/tool", FileContent.Random(100_000, seed: 3), UnixModes.FromOctal("4755"), uid: 1000, gid: 1000)
            .Hardlink("usr/bin/tool-again", "usr/bin/tool")
            .File("empty", FileContent.Zeros(0))
            .Directory("tmp", UnixModes.FromOctal("1777"))
            .Build(new BlobStore(_temp.Combine("blobs")), LayerCompression.Gzip);
        _root = _temp.CreateSubdirectory("rootfs");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Directory_extracted_by_tar_reads_back_equal_to_the_expected_tree()
    {
        await ExtractWithTarAsync();

        var actual = FileTreeReader.Read(_root);

        FileTreeAssert.Equal(ExpectedTree.FromLayers([_layer]), actual);
        Assert.Equal(["usr/bin/tool", "usr/bin/tool-again"], Assert.Single(actual.HardlinkGroups));
    }

    [Theory]
    [InlineData("changed byte", "content differs at etc/config: expected 10 bytes sha256:")]
    [InlineData("changed mode", "mode differs at etc/config: expected 0600, actual 0644")]
    [InlineData("changed owner", "owner differs at etc: expected 10:20, actual 0:0")]
    [InlineData("extra file", "extra: stray (file 0644 0:0 1 bytes sha256:")]
    [InlineData("missing file", "missing: empty (expected file 0644 0:0 0 bytes sha256:")]
    [InlineData("retargeted symlink", "symlink target differs at etc/link: expected 'config', actual 'elsewhere'")]
    [InlineData("file for directory", "kind differs at tmp: expected directory 1777 0:0, actual file")]
    [InlineData("copy for hard link", "hard links differ at usr/bin/tool: expected [usr/bin/tool, usr/bin/tool-again] to be one file, actual [usr/bin/tool] and [usr/bin/tool-again]")]
    public async Task Each_change_on_disk_is_reported_as_one_readable_difference(string change, string expectedMessage)
    {
        await ExtractWithTarAsync();
        Change(change);

        var differences = FileTreeComparison.Compare(ExpectedTree.FromLayers([_layer]), FileTreeReader.Read(_root));

        var difference = Assert.Single(differences);
        Assert.StartsWith(expectedMessage, difference, StringComparison.Ordinal);
    }

    [Fact]
    public void Assertion_failure_lists_the_differences()
    {
        File.WriteAllText(Path.Combine(_root, "only-on-disk"), "x");

        var error = Assert.ThrowsAny<Exception>(() => FileTreeAssert.Equal(ExpectedTree.FromLayers([_layer]), FileTreeReader.Read(_root)));

        Assert.Contains("extra: only-on-disk", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing: etc/config", error.Message, StringComparison.Ordinal);
    }

    private async Task ExtractWithTarAsync()
    {
        var tar = _temp.Combine("layer.tar");
        using (var source = _layer.OpenTar())
        using (var destination = File.Create(tar))
        {
            await source.CopyToAsync(destination);
        }

        await CommandLine.RunAsync("tar", ["--same-owner", "--same-permissions", "-xf", tar, "-C", _root]);
    }

    private void Change(string change)
    {
        string At(string path) => Path.Combine(_root, path);
        switch (change)
        {
            case "changed byte":
                File.WriteAllText(At("etc/config"), "key=valuE\n");
                break;
            case "changed mode":
                File.SetUnixFileMode(At("etc/config"), UnixModes.FromOctal("0644"));
                break;
            case "changed owner":
                File.SetUnixFileMode(At("etc"), UnixModes.FromOctal("0750"));
                Chown(At("etc"));
                break;
            case "extra file":
                File.WriteAllText(At("stray"), "s");
                break;
            case "missing file":
                File.Delete(At("empty"));
                break;
            case "retargeted symlink":
                File.Delete(At("etc/link"));
                File.CreateSymbolicLink(At("etc/link"), "elsewhere");
                break;
            case "file for directory":
                Directory.Delete(At("tmp"));
                File.WriteAllText(At("tmp"), string.Empty);
                break;
            case "copy for hard link":
                var mode = File.GetUnixFileMode(At("usr/bin/tool-again"));
                File.Copy(At("usr/bin/tool"), At("copy"));
                File.Move(At("copy"), At("usr/bin/tool-again"), overwrite: true);
                Chown(At("usr/bin/tool-again"), 1000);
                File.SetUnixFileMode(At("usr/bin/tool-again"), mode);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, "unknown change");
        }
    }

    private static void Chown(string path, int owner = 0) =>
        CommandLine.RunAsync("chown", [$"{owner}:{owner}", path]).GetAwaiter().GetResult();
}
