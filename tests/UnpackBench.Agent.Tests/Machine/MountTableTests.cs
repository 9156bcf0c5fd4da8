using UnpackBench.Agent.Machine;

namespace UnpackBench.Agent.Tests.Machine;

public sealed class MountTableTests
{
    // /proc/self/mountinfo as seen inside a Docker container (overlay root, docker's file binds,
    // a bind-mounted work tree, a volume for containerd's root with a nested mount inside it)
    // plus a disk whose mount point has an escaped space and one with an escaped backslash.
    // Field 5 is the mount point; optional fields (master:445, shared:12) come before " - ".
    private const string ContainerMountInfo =
        "1289 1175 0:124 / / rw,relatime master:445 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/5Q2X:/var/lib/docker/overlay2/l/JT7A,upperdir=/var/lib/docker/overlay2/9f1c/diff,workdir=/var/lib/docker/overlay2/9f1c/work\n" +
        "1290 1289 0:127 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw\n" +
        "1291 1289 0:128 / /dev rw,nosuid - tmpfs tmpfs rw,size=65536k,mode=755,inode64\n" +
        "1292 1291 0:129 / /dev/pts rw,nosuid,noexec,relatime - devpts devpts rw,gid=5,mode=620,ptmxmode=666\n" +
        "1293 1289 0:130 / /sys ro,nosuid,nodev,noexec,relatime - sysfs sysfs ro\n" +
        "1294 1293 0:30 / /sys/fs/cgroup ro,nosuid,nodev,noexec,relatime - cgroup2 cgroup rw,nsdelegate,memory_recursiveprot\n" +
        "1296 1291 0:131 / /dev/shm rw,nosuid,nodev,noexec,relatime - tmpfs shm rw,size=65536k,inode64\n" +
        "1297 1289 8:1 /var/lib/docker/containers/4e1a/resolv.conf /etc/resolv.conf rw,relatime - ext4 /dev/sda1 rw,discard,errors=remount-ro\n" +
        "1298 1289 8:1 /var/lib/docker/containers/4e1a/hostname /etc/hostname rw,relatime - ext4 /dev/sda1 rw,discard,errors=remount-ro\n" +
        "1299 1289 8:1 /home/dev/unpackbench /src rw,relatime - ext4 /dev/sda1 rw,discard,errors=remount-ro\n" +
        "1300 1289 0:45 / /var/lib rw,relatime shared:12 - tmpfs tmpfs rw,size=1024k\n" +
        "1301 1300 8:17 /volumes/containerd/_data /var/lib/containerd rw,relatime shared:13 - xfs /dev/sdb1 rw,attr2,inode64,noquota\n" +
        "1302 1301 0:50 / /var/lib/containerd/io.containerd.snapshotter.v1.btrfs rw,relatime - btrfs /dev/sdc1 rw,space_cache=v2\n" +
        "1303 1289 8:33 / /mnt/Backup\\040Disk rw,relatime - vfat /dev/sdd1 rw,fmask=0022\n" +
        "1304 1289 8:49 / /mnt/back\\134slash rw,relatime - exfat /dev/sde1 rw\n";

    [Theory]
    [InlineData("the root itself", "/", "overlay")]
    [InlineData("a directory on the root", "/usr/local/bin", "overlay")]
    [InlineData("the bind-mounted work tree", "/src/.unpackbench/containerd", "ext4")]
    [InlineData("a mount point itself", "/var/lib/containerd", "xfs")]
    [InlineData("inside the volume", "/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/3/fs", "xfs")]
    [InlineData("nested mount inside the volume", "/var/lib/containerd/io.containerd.snapshotter.v1.btrfs/snapshots", "btrfs")]
    [InlineData("outer mount around the volume", "/var/lib/dpkg", "tmpfs")]
    [InlineData("sibling sharing a prefix is not inside", "/var/lib2/containerd", "overlay")]
    [InlineData("sibling sharing a prefix of the nested mount", "/var/lib/containerd2", "tmpfs")]
    [InlineData("escaped space in the mount point", "/mnt/Backup Disk/images", "vfat")]
    [InlineData("first word of the spaced name is not the mount", "/mnt/Backup", "overlay")]
    [InlineData("escaped backslash in the mount point", "/mnt/back\\slash/x", "exfat")]
    [InlineData("a mount below a tmpfs", "/dev/shm/x", "tmpfs")]
    public void Filesystem_of_a_path_is_that_of_the_longest_mount_point_containing_it(string @case, string path, string fileSystem)
    {
        var table = MountTable.Parse(ContainerMountInfo);

        Assert.True(table.FileSystemOf(path) == fileSystem, $"{@case}: {table.FileSystemOf(path)}");
    }

    [Fact]
    public void The_mount_of_a_path_carries_its_device_number()
    {
        var table = MountTable.Parse(ContainerMountInfo);

        Assert.Equal(new Mount("/var/lib/containerd", "xfs", "8:17"), table.MountOf("/var/lib/containerd/io.containerd.content.v1.content"));
        Assert.Equal(new Mount("/", "overlay", "0:124"), table.MountOf("/etc"));
    }

    [Fact]
    public void Later_mount_over_the_same_point_hides_the_earlier_one()
    {
        var table = MountTable.Parse(
            "25 1 8:1 / / rw - ext4 /dev/sda1 rw\n" +
            "40 25 8:2 / /data rw - ext4 /dev/sdb1 rw\n" +
            "41 40 0:60 / /data rw - tmpfs tmpfs rw\n");

        Assert.Equal("tmpfs", table.FileSystemOf("/data/x"));
    }

    [Fact]
    public void Lines_without_the_separator_are_skipped()
    {
        var table = MountTable.Parse(
            "garbage line\n" +
            "25 1 8:1 / / rw - ext4 /dev/sda1 rw\n" +
            "26 25 0:60 / /tmp rw tmpfs tmpfs rw\n");

        Assert.Equal("ext4", table.FileSystemOf("/tmp/x"));
    }

    [Fact]
    public void Empty_table_knows_no_filesystem()
    {
        Assert.Equal("unknown", MountTable.Parse("").FileSystemOf("/var/lib/containerd"));
    }
}
