using UnpackBench.Agent.Sampling;

namespace UnpackBench.Agent.Tests.Sampling;

public sealed class CgroupHierarchyTests
{
    // A Debian host with systemd in hybrid mode: v1 controllers, an empty unified hierarchy.
    private const string HybridMountInfo = """
        22 28 0:20 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
        26 22 0:24 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755
        27 26 0:25 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime shared:10 - cgroup2 cgroup2 rw,nsdelegate
        30 26 0:28 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:13 - cgroup cgroup rw,cpu,cpuacct
        31 26 0:29 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:14 - cgroup cgroup rw,memory
        32 26 0:30 / /sys/fs/cgroup/pids rw,nosuid,nodev,noexec,relatime shared:15 - cgroup cgroup rw,pids
        33 26 0:31 / /sys/fs/cgroup/blkio rw,nosuid,nodev,noexec,relatime shared:16 - cgroup cgroup rw,blkio
        """;

    private const string HybridProcCgroup = """
        12:pids:/system.slice/containerd.service
        8:memory:/system.slice/containerd.service
        4:cpu,cpuacct:/system.slice/containerd.service
        3:blkio:/system.slice/containerd.service
        0::/system.slice/containerd.service
        """;

    [Fact]
    public void Hybrid_host_resolves_each_v1_controller_to_its_own_hierarchy()
    {
        var hierarchy = CgroupHierarchy.Resolve(HybridProcCgroup, HybridMountInfo, _ => "");

        Assert.NotNull(hierarchy);
        Assert.Equal(CgroupVersion.V1, hierarchy.Version);
        Assert.Equal("/sys/fs/cgroup/cpu,cpuacct/system.slice/containerd.service", hierarchy.DirectoryOf("cpuacct"));
        Assert.Equal("/sys/fs/cgroup/cpu,cpuacct/system.slice/containerd.service", hierarchy.DirectoryOf("cpu"));
        Assert.Equal("/sys/fs/cgroup/memory/system.slice/containerd.service", hierarchy.DirectoryOf("memory"));
        Assert.Equal("/sys/fs/cgroup/pids/system.slice/containerd.service", hierarchy.DirectoryOf("pids"));
        Assert.Equal("/sys/fs/cgroup/blkio/system.slice/containerd.service", hierarchy.DirectoryOf("blkio"));
    }

    [Fact]
    public void Pure_v2_host_uses_the_unified_directory_for_every_enabled_controller()
    {
        const string mountInfo = "35 24 0:30 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot\n";
        const string procCgroup = "0::/system.slice/containerd.service\n";
        var directory = "/sys/fs/cgroup/system.slice/containerd.service";

        var hierarchy = CgroupHierarchy.Resolve(procCgroup, mountInfo, path => path == $"{directory}/cgroup.controllers" ? "cpuset cpu io memory pids\n" : null);

        Assert.NotNull(hierarchy);
        Assert.Equal(CgroupVersion.V2, hierarchy.Version);
        Assert.Equal(directory, hierarchy.DirectoryOf("memory"));
        Assert.Equal(directory, hierarchy.DirectoryOf("io"));
        Assert.Null(hierarchy.DirectoryOf("blkio"));
    }

    [Fact]
    public void Inside_a_container_with_a_cgroup_namespace_the_root_is_the_mount_point()
    {
        // A Kubernetes pod on cgroup v2: the namespace's root "/" is the pod's cgroup, mounted at /sys/fs/cgroup.
        const string mountInfo = "1201 1190 0:30 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime - cgroup2 cgroup rw\n";

        var hierarchy = CgroupHierarchy.Resolve("0::/\n", mountInfo, path => path == "/sys/fs/cgroup/cgroup.controllers" ? "cpu memory pids" : null);

        Assert.Equal("/sys/fs/cgroup", hierarchy!.DirectoryOf("memory"));
    }

    [Fact]
    public void A_mount_that_exposes_a_sub_tree_strips_its_root_from_the_path()
    {
        // Docker on v1 without cgroup namespaces bind-mounts the container's own sub-tree.
        const string mountInfo = "700 690 0:29 /docker/abc /sys/fs/cgroup/memory ro,nosuid - cgroup cgroup rw,memory\n";

        var hierarchy = CgroupHierarchy.Resolve("8:memory:/docker/abc/unpackbench\n", mountInfo, _ => null);

        Assert.Equal("/sys/fs/cgroup/memory/unpackbench", hierarchy!.DirectoryOf("memory"));
    }

    [Fact]
    public void Unified_hierarchy_without_controllers_falls_back_to_v1()
    {
        var hierarchy = CgroupHierarchy.Resolve(HybridProcCgroup, HybridMountInfo, path => path.EndsWith("cgroup.controllers", StringComparison.Ordinal) ? "hugetlb\n" : null);

        Assert.Equal(CgroupVersion.V1, hierarchy!.Version);
    }

    [Fact]
    public void A_mount_over_the_cgroup_root_hides_every_hierarchy_inside_it()
    {
        var mountInfo = HybridMountInfo + "\n91 26 0:51 / /sys/fs/cgroup rw,relatime - tmpfs none rw\n";

        Assert.Null(CgroupHierarchy.Resolve(HybridProcCgroup, mountInfo, _ => "cpu memory"));
    }

    [Fact]
    public void No_cgroup_mounts_resolve_to_nothing()
    {
        Assert.Null(CgroupHierarchy.Resolve(HybridProcCgroup, "22 28 0:20 / /sys rw - sysfs sysfs rw\n", _ => null));
    }

    [Fact]
    public void A_hierarchy_hidden_by_a_later_mount_is_not_used()
    {
        var mountInfo = HybridMountInfo + "\n90 32 0:50 / /sys/fs/cgroup/pids rw,relatime - tmpfs none rw\n";

        var hierarchy = CgroupHierarchy.Resolve(HybridProcCgroup, mountInfo, _ => "");

        Assert.Null(hierarchy!.DirectoryOf("pids"));
        Assert.NotNull(hierarchy.DirectoryOf("memory"));
    }
}
