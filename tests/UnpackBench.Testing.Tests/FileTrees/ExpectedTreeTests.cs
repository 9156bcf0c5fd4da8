using UnpackBench.Testing.FileTrees;
using UnpackBench.Testing.Images;

namespace UnpackBench.Testing.Tests.FileTrees;

public sealed class ExpectedTreeTests : IDisposable
{
    private readonly TempDirectory _temp = new("expected-tree");
    private readonly BlobStore _blobs;

    public ExpectedTreeTests() => _blobs = new BlobStore(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Whiteout_in_upper_layer_removes_file_from_expected_tree()
    {
        var tree = Apply(
            new LayerBuilder().File("etc/a", "a").File("etc/b", "b"),
            new LayerBuilder().Whiteout("etc/a"));

        Assert.Null(tree["etc/a"]);
        Assert.NotNull(tree["etc/b"]);
        Assert.DoesNotContain(tree.Entries.Keys, path => path.Contains(".wh.", StringComparison.Ordinal));
    }

    [Fact]
    public void Whiteout_of_a_directory_removes_everything_below_it()
    {
        var tree = Apply(
            new LayerBuilder().File("gone/file", "x").File("gone/dir/deep", "y").File("kept", "k"),
            new LayerBuilder().Whiteout("gone"));

        Assert.Equal(["kept"], tree.Entries.Keys);
    }

    [Fact]
    public void Opaque_whiteout_hides_lower_contents_but_keeps_entries_of_its_own_layer()
    {
        var tree = Apply(
            new LayerBuilder().Directory("dir", UnixModes.FromOctal("0711")).File("dir/old", "o").File("dir/sub/older", "o").File("other", "x"),
            new LayerBuilder().File("dir/new", "n").OpaqueWhiteout("dir"));

        Assert.Equal(["dir", "dir/new", "other"], tree.Entries.Keys);
        Assert.Equal(UnixModes.FromOctal("0711"), tree["dir"]!.Mode);
    }

    [Fact]
    public void File_in_upper_layer_overwrites_lower_file()
    {
        var tree = Apply(
            new LayerBuilder().File("f", "lower", UnixModes.FromOctal("0644")),
            new LayerBuilder().File("f", "upper!", UnixModes.FromOctal("0600"), uid: 5, gid: 6));

        var entry = tree["f"]!;
        Assert.Equal(6, entry.Size);
        Assert.Equal(ContentDigest.Of("upper!"u8), entry.ContentDigest);
        Assert.Equal(UnixModes.FromOctal("0600"), entry.Mode);
        Assert.Equal((5, 6), (entry.Uid, entry.Gid));
    }

    [Fact]
    public void Directory_entry_over_a_directory_changes_its_mode_and_keeps_its_contents()
    {
        var tree = Apply(
            new LayerBuilder().Directory("d").File("d/f", "f"),
            new LayerBuilder().Directory("d", UnixModes.FromOctal("0700"), uid: 7, gid: 7));

        Assert.Equal(UnixModes.FromOctal("0700"), tree["d"]!.Mode);
        Assert.Equal(7, tree["d"]!.Uid);
        Assert.NotNull(tree["d/f"]);
    }

    [Fact]
    public void File_replacing_a_directory_removes_its_contents()
    {
        var tree = Apply(
            new LayerBuilder().File("docs/a", "a").File("docs/b/c", "c"),
            new LayerBuilder().File("docs", "now a file"));

        Assert.Equal(["docs"], tree.Entries.Keys);
        Assert.Equal(FileKind.File, tree["docs"]!.Kind);
    }

    [Fact]
    public void Symlink_keeps_its_target_as_written()
    {
        var tree = Apply(new LayerBuilder().File("bin/tool", "t").Symlink("bin/rel", "tool").Symlink("abs", "/bin/tool"));

        Assert.Equal("tool", tree["bin/rel"]!.LinkTarget);
        Assert.Equal("/bin/tool", tree["abs"]!.LinkTarget);
        Assert.Equal(UnixModes.Symlink, tree["abs"]!.Mode);
    }

    [Fact]
    public void Hardlinks_share_content_and_form_one_group()
    {
        var tree = Apply(new LayerBuilder()
            .File("bin/tool", FileContent.Random(1000, seed: 1), UnixModes.FromOctal("4755"))
            .Hardlink("bin/tool2", "bin/tool")
            .Hardlink("sbin/tool3", "bin/tool"));

        var group = Assert.Single(tree.HardlinkGroups);
        Assert.Equal(["bin/tool", "bin/tool2", "sbin/tool3"], group);
        Assert.Equal(tree["bin/tool"]!.ContentDigest, tree["sbin/tool3"]!.ContentDigest);
        Assert.Equal(UnixModes.FromOctal("4755"), tree["bin/tool2"]!.Mode);
    }

    [Fact]
    public void Overwriting_one_hardlinked_path_splits_the_group()
    {
        var tree = Apply(
            new LayerBuilder().File("a", "shared").Hardlink("b", "a").Hardlink("c", "a"),
            new LayerBuilder().File("c", "own content"));

        Assert.Equal(["a", "b"], Assert.Single(tree.HardlinkGroups));
        Assert.Equal(ContentDigest.Of("own content"u8), tree["c"]!.ContentDigest);
    }

    [Fact]
    public void Whiteout_of_one_hardlinked_path_leaves_the_others()
    {
        var tree = Apply(
            new LayerBuilder().File("a", "shared").Hardlink("b", "a"),
            new LayerBuilder().Whiteout("a"));

        Assert.Empty(tree.HardlinkGroups);
        Assert.Equal(ContentDigest.Of("shared"u8), tree["b"]!.ContentDigest);
    }

    [Fact]
    public void Implicit_parents_are_root_owned_0755_directories()
    {
        var tree = Apply(new LayerBuilder().File("a/b/c", "c", uid: 1000, gid: 1000));

        Assert.Equal(["a", "a/b", "a/b/c"], tree.Entries.Keys);
        Assert.All([tree["a"]!, tree["a/b"]!], entry => Assert.Equal((FileKind.Directory, UnixModes.Directory, 0, 0), (entry.Kind, entry.Mode, entry.Uid, entry.Gid)));
    }

    [Fact]
    public void Entries_read_back_from_the_tars_give_the_same_tree_as_the_builder_records()
    {
        var layers = SampleImage.BuildLayers(_blobs);

        var fromTars = ExpectedTree.FromEntries([.. layers.Select(layer => LayerTarReader.ReadEntries(layer.BlobPath, layer.Compression))]);

        Assert.Empty(FileTreeComparison.Compare(ExpectedTree.FromLayers(layers), fromTars));
    }

    private FileTree Apply(params LayerBuilder[] layers) =>
        ExpectedTree.FromLayers([.. layers.Select(layer => layer.Build(_blobs, LayerCompression.None))]);
}
