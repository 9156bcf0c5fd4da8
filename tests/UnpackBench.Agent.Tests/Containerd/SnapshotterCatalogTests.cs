using UnpackBench.Agent.Containerd;

namespace UnpackBench.Agent.Tests.Containerd;

public sealed class SnapshotterCatalogTests
{
    private static readonly SnapshotterCatalog Catalog = new(
        ["native", "overlayfs"],
        new Dictionary<string, string>
        {
            ["btrfs"] = "path /var/lib/containerd/io.containerd.snapshotter.v1.btrfs (ext4) must be a btrfs filesystem to be used with the btrfs snapshotter: skip plugin",
            ["zfs"] = "exec: \"zfs\": executable file not found in $PATH",
        });

    [Theory]
    [InlineData("overlayfs")]
    [InlineData("native")]
    public void Loaded_snapshotter_has_no_problem(string name)
    {
        Assert.Null(Catalog.Problem(name));
    }

    [Fact]
    public void Snapshotter_that_failed_to_load_is_reported_with_containerds_reason_and_the_alternatives()
    {
        Assert.Equal(
            "snapshotter 'btrfs' is not available on this containerd (path /var/lib/containerd/io.containerd.snapshotter.v1.btrfs (ext4) must be a btrfs filesystem to be used with the btrfs snapshotter: skip plugin); available: native, overlayfs",
            Catalog.Problem("btrfs"));
    }

    [Fact]
    public void Unknown_snapshotter_is_reported_with_the_alternatives()
    {
        Assert.Equal("unknown snapshotter 'stargz'; this containerd offers: native, overlayfs", Catalog.Problem("stargz"));
    }

    [Fact]
    public void Name_comparison_is_exact()
    {
        Assert.NotNull(Catalog.Problem("OverlayFS"));
    }

    [Fact]
    public void Containerd_without_any_snapshotter_says_none()
    {
        var empty = new SnapshotterCatalog([], new Dictionary<string, string> { ["overlayfs"] = "kernel has no overlay support" });

        Assert.Equal("snapshotter 'overlayfs' is not available on this containerd (kernel has no overlay support); available: none", empty.Problem("overlayfs"));
    }
}
