using UnpackBench.Agent.Containerd.Api.Leases;
using UnpackBench.Agent.Containerd.Api.Snapshots;
using UnpackBench.Agent.Tests.Support;
using UnpackBench.Agent.Unpack;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.Unpack;

public sealed class SnapshotCleanerTests(ContainerdTestHost host) : IClassFixture<ContainerdTestHost>
{
    [Fact]
    public async Task Clearing_removes_every_snapshot_and_its_directory_from_disk()
    {
        var layout = OciLayout.Create(host.Path("layout-clear"));
        var image = await host.AcquireAsync(SampleImage.Build(layout), "clear");
        var lease = await LeaseAsync();
        var outcome = await new LayerUnpacker(host.Connection, "overlayfs").UnpackAsync(image, lease, 1, default);
        Assert.Equal(3, outcome.SnapshotDirectories.Count);
        Assert.All(outcome.SnapshotDirectories, d => Assert.True(Directory.Exists(d), d));

        await new SnapshotCleaner(host.Connection, "overlayfs", host.SnapshotsDirectory("overlayfs")).ClearAsync(outcome.SnapshotDirectories, default);

        Assert.Empty(await new SnapshotChainVerifier(host.Connection, "overlayfs", null).ListKeysAsync(default));
        Assert.All(outcome.SnapshotDirectories, d => Assert.False(Directory.Exists(d), $"{d} survived the clear"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(host.SnapshotsDirectory("overlayfs")));
    }

    [Fact]
    public async Task Clearing_a_tree_with_branches_removes_leaves_before_parents()
    {
        // Two images on one base: the base snapshot has two children, so removal order matters.
        var layout = OciLayout.Create(host.Path("layout-tree"));
        var baseLayer = new LayerBuilder().File("base", "b\n").Build(layout, LayerCompression.Gzip);
        var first = new ImageBuilder(Platform.LinuxAmd64).WithLayer(baseLayer).WithLayer(new LayerBuilder().File("one", "1\n").Build(layout)).Build(layout);
        var second = new ImageBuilder(Platform.LinuxAmd64).WithLayer(baseLayer).WithLayer(new LayerBuilder().File("two", "2\n").Build(layout)).Build(layout);
        var one = await host.AcquireAsync(first, "tree-1");
        var two = await host.AcquireAsync(second, "tree-2");
        var lease = await LeaseAsync();
        var unpacker = new LayerUnpacker(host.Connection, "native");
        var a = await unpacker.UnpackAsync(one, lease, 1, default);
        await host.Connection.Snapshots.PrepareAsync(
            new PrepareSnapshotRequest { Snapshotter = "native", Key = "branch", Parent = two.ChainIds[0].ToString() }, host.Connection.Call(default, lease));

        await new SnapshotCleaner(host.Connection, "native", host.SnapshotsDirectory("native")).ClearAsync(a.SnapshotDirectories, default);

        Assert.Empty(await new SnapshotChainVerifier(host.Connection, "native", null).ListKeysAsync(default));
        Assert.Empty(Directory.EnumerateFileSystemEntries(host.SnapshotsDirectory("native")));
    }

    private async Task<string> LeaseAsync()
    {
        var id = $"test-{Guid.NewGuid():N}";
        await host.Connection.Leases.CreateAsync(new CreateRequest { Id = id }, host.Connection.Call(default));
        return id;
    }
}
