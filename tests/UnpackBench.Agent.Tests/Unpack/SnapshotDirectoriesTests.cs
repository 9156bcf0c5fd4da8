using UnpackBench.Agent.Containerd.Api;
using UnpackBench.Agent.Unpack;

namespace UnpackBench.Agent.Tests.Unpack;

public sealed class SnapshotDirectoriesTests
{
    private const string Overlayfs = "/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots";
    private const string Native = "/var/lib/containerd/io.containerd.snapshotter.v1.native/snapshots";

    private static Mount MountOf(string type, string source, params string[] options)
    {
        var mount = new Mount { Type = type, Source = source };
        mount.Options.AddRange(options);
        return mount;
    }

    // The mounts are shaped like what containerd's snapshotters return from Prepare: overlayfs gives
    // an overlay mount once there is a parent and a bind mount of the empty fs/ for the first layer;
    // native always gives a bind mount of the snapshot directory itself.
    private static readonly Dictionary<string, Mount[]> MountsByCase = new()
    {
        ["overlay mount on a parent chain"] = [MountOf("overlay", "overlay", "index=off", $"workdir={Overlayfs}/12/work", $"upperdir={Overlayfs}/12/fs", $"lowerdir={Overlayfs}/11/fs:{Overlayfs}/10/fs")],
        ["overlayfs bind mount of the first layer"] = [MountOf("bind", $"{Overlayfs}/3/fs", "rbind", "rw")],
        ["bind named only by its options"] = [MountOf("none", $"{Overlayfs}/4/fs", "bind", "rw")],
        ["rbind named only by its options"] = [MountOf("", $"{Overlayfs}/5/fs", "rw", "rbind")],
        ["native snapshotter binds the snapshot directory itself"] = [MountOf("bind", $"{Native}/7", "rbind", "rw")],
        ["first usable mount of several"] = [MountOf("tmpfs", "tmpfs", "size=1m"), MountOf("bind", $"{Overlayfs}/8/fs", "rbind", "rw")],
        ["read-only overlay view has no upper directory"] = [MountOf("overlay", "overlay", $"lowerdir={Overlayfs}/11/fs:{Overlayfs}/10/fs")],
        ["relative source is not trusted"] = [MountOf("bind", "snapshots/3/fs", "rbind")],
        ["relative upper directory is not trusted"] = [MountOf("overlay", "overlay", "upperdir=snapshots/3/fs")],
        ["other filesystem"] = [MountOf("tmpfs", "tmpfs", "size=1m")],
        ["no mounts"] = [],
    };

    [Theory]
    [InlineData("overlay mount on a parent chain", $"{Overlayfs}/12")]
    [InlineData("overlayfs bind mount of the first layer", $"{Overlayfs}/3")]
    [InlineData("bind named only by its options", $"{Overlayfs}/4")]
    [InlineData("rbind named only by its options", $"{Overlayfs}/5")]
    [InlineData("native snapshotter binds the snapshot directory itself", $"{Native}/7")]
    [InlineData("first usable mount of several", $"{Overlayfs}/8")]
    [InlineData("read-only overlay view has no upper directory", null)]
    [InlineData("relative source is not trusted", null)]
    [InlineData("relative upper directory is not trusted", null)]
    [InlineData("other filesystem", null)]
    [InlineData("no mounts", null)]
    public void Writable_directory_is_found_from_the_mounts(string @case, string? expected)
    {
        var found = SnapshotDirectories.WritableDirectory(MountsByCase[@case]);

        Assert.True(found == expected, $"{@case}: {found ?? "null"}");
    }
}
