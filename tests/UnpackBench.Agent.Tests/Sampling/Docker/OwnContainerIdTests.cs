using UnpackBench.Agent.Sampling.Docker;

namespace UnpackBench.Agent.Tests.Sampling.Docker;

public sealed class OwnContainerIdTests
{
    private const string Id = "470f07d118ab578b935c5a3146c67a7f105b092f33bb6c078a7b7e0f9585ee92";
    private const string OtherId = "9c1f3a5e7b2d4c6a8e0f1b3d5a7c9e2f4b6d8a0c2e4f6b8d0a2c4e6f8b0d2a4c";

    // A container on a cgroup v1 host (Debian 11, Docker 20.10, cgroupfs driver): overlay root, Docker's bind mounts.
    private const string DockerV1MountInfo = """
        565 480 0:52 / / rw,relatime master:254 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/AB3:/var/lib/docker/overlay2/l/CD4,upperdir=/var/lib/docker/overlay2/5e1/diff,workdir=/var/lib/docker/overlay2/5e1/work
        566 565 0:55 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw
        567 565 0:56 / /dev rw,nosuid - tmpfs tmpfs rw,size=65536k,mode=755
        570 565 0:57 / /sys ro,nosuid,nodev,noexec,relatime - sysfs sysfs ro
        571 570 0:58 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime - tmpfs tmpfs rw,mode=755
        575 571 0:31 /docker/470f07d118ab578b935c5a3146c67a7f105b092f33bb6c078a7b7e0f9585ee92 /sys/fs/cgroup/memory ro,nosuid,nodev,noexec,relatime master:15 - cgroup cgroup rw,memory
        589 565 254:1 /var/lib/docker/containers/470f07d118ab578b935c5a3146c67a7f105b092f33bb6c078a7b7e0f9585ee92/resolv.conf /etc/resolv.conf rw,relatime - ext4 /dev/vda1 rw
        590 565 254:1 /var/lib/docker/containers/470f07d118ab578b935c5a3146c67a7f105b092f33bb6c078a7b7e0f9585ee92/hostname /etc/hostname rw,relatime - ext4 /dev/vda1 rw
        591 565 254:1 /var/lib/docker/containers/470f07d118ab578b935c5a3146c67a7f105b092f33bb6c078a7b7e0f9585ee92/hosts /etc/hosts rw,relatime - ext4 /dev/vda1 rw
        592 565 0:24 /docker.sock /var/run/docker.sock rw,nosuid,nodev,noexec,relatime - tmpfs tmpfs rw,size=1634304k,mode=755
        """;

    private const string DockerV1Cgroup = """
        12:pids:/docker/470f07d118ab578b935c5a3146c67a7f105b092f33bb6c078a7b7e0f9585ee92
        11:blkio:/docker/470f07d118ab578b935c5a3146c67a7f105b092f33bb6c078a7b7e0f9585ee92
        5:memory:/docker/470f07d118ab578b935c5a3146c67a7f105b092f33bb6c078a7b7e0f9585ee92
        3:cpu,cpuacct:/docker/470f07d118ab578b935c5a3146c67a7f105b092f33bb6c078a7b7e0f9585ee92
        1:name=systemd:/docker/470f07d118ab578b935c5a3146c67a7f105b092f33bb6c078a7b7e0f9585ee92
        0::/system.slice/containerd.service
        """;

    // A container on a cgroup v2 host (Debian 12, Docker 24, systemd driver, private cgroup namespace):
    // /var/lib/docker is its own filesystem, so the mount source starts at /containers.
    private const string DockerV2MountInfo = """
        1040 959 0:61 / / rw,relatime - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/QX7,upperdir=/var/lib/docker/overlay2/a9c/diff,workdir=/var/lib/docker/overlay2/a9c/work,nouserxattr
        1041 1040 0:64 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw
        1045 1044 0:30 / /sys/fs/cgroup ro,nosuid,nodev,noexec,relatime - cgroup2 cgroup rw,nsdelegate,memory_recursiveprot
        1049 1040 259:3 /containers/9c1f3a5e7b2d4c6a8e0f1b3d5a7c9e2f4b6d8a0c2e4f6b8d0a2c4e6f8b0d2a4c/resolv.conf /etc/resolv.conf rw,relatime - xfs /dev/nvme0n1p3 rw,attr2,inode64
        1050 1040 259:3 /containers/9c1f3a5e7b2d4c6a8e0f1b3d5a7c9e2f4b6d8a0c2e4f6b8d0a2c4e6f8b0d2a4c/hostname /etc/hostname rw,relatime - xfs /dev/nvme0n1p3 rw,attr2,inode64
        1051 1040 259:3 /containers/9c1f3a5e7b2d4c6a8e0f1b3d5a7c9e2f4b6d8a0c2e4f6b8d0a2c4e6f8b0d2a4c/hosts /etc/hosts rw,relatime - xfs /dev/nvme0n1p3 rw,attr2,inode64
        """;

    private const string DockerV2PrivateNamespaceCgroup = "0::/\n";

    private const string DockerV2HostNamespaceCgroup = "0::/system.slice/docker-9c1f3a5e7b2d4c6a8e0f1b3d5a7c9e2f4b6d8a0c2e4f6b8d0a2c4e6f8b0d2a4c.scope\n";

    // A login shell on a Debian 12 host: its own /etc files, a systemd user slice.
    private const string HostMountInfo = """
        22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro
        23 22 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:2 - sysfs sysfs rw
        26 23 0:25 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
        28 22 0:24 / /run rw,nosuid,nodev,noexec,relatime shared:5 - tmpfs tmpfs rw,size=1628408k,mode=755
        """;

    private const string HostCgroup = "0::/user.slice/user-1000.slice/session-3.scope\n";

    // A Podman container: its files come from containers/storage, which is not Docker.
    private const string PodmanMountInfo = """
        801 700 0:48 / / rw,relatime - overlay overlay rw,lowerdir=/var/lib/containers/storage/overlay/l/ZT2
        812 801 259:2 /var/lib/containers/storage/overlay-containers/470f07d118ab578b935c5a3146c67a7f105b092f33bb6c078a7b7e0f9585ee92/userdata/hostname /etc/hostname rw,relatime - ext4 /dev/nvme0n1p2 rw
        """;

    // A host that bind-mounts a container's hosts file somewhere other than /etc: not a container's own view.
    private const string ElsewhereMountInfo = """
        22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw
        90 22 259:2 /var/lib/docker/containers/470f07d118ab578b935c5a3146c67a7f105b092f33bb6c078a7b7e0f9585ee92/hosts /srv/debug/hosts rw,relatime - ext4 /dev/nvme0n1p2 rw
        """;

    public static TheoryData<string, string?, string?, string?> Cases => new()
    {
        { "docker on cgroup v1: both files name it", DockerV1MountInfo, DockerV1Cgroup, Id },
        { "docker on cgroup v1: mountinfo alone", DockerV1MountInfo, null, Id },
        { "docker on cgroup v1: cgroup alone", null, DockerV1Cgroup, Id },
        { "docker on cgroup v2, private cgroup namespace: mountinfo names it", DockerV2MountInfo, DockerV2PrivateNamespaceCgroup, OtherId },
        { "docker on cgroup v2, private cgroup namespace: 0::/ alone names nothing", null, DockerV2PrivateNamespaceCgroup, null },
        { "docker on cgroup v2, host cgroup namespace: the systemd scope names it", null, DockerV2HostNamespaceCgroup, OtherId },
        { "a host shell", HostMountInfo, HostCgroup, null },
        { "a podman container", PodmanMountInfo, "0::/\n", null },
        { "a container's file mounted elsewhere than /etc", ElsewhereMountInfo, HostCgroup, null },
        { "nothing readable", null, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_the_container_id_or_null(string situation, string? mountInfo, string? procCgroup, string? expected)
    {
        Assert.True(expected == OwnContainerId.Find(mountInfo, procCgroup), situation);
    }

    [Fact]
    public void Nested_docker_cgroups_name_the_innermost_container()
    {
        var nested = $"4:memory:/docker/{OtherId}/docker/{Id}\n";

        Assert.Equal(Id, OwnContainerId.FromCgroup(nested));
    }
}
