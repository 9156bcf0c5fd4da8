using UnpackBench.Agent.Benchmark;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Machine;
using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Tests.Benchmark;

public sealed class PreflightTests
{
    private static readonly MountTable Ext4 = MountTable.Parse("22 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw\n");

    [Fact]
    public void Root_without_cap_sys_admin_is_told_to_run_the_container_privileged()
    {
        var e = Assert.Throws<ContainerdException>(() => Preflight.Check(Settings(), new MountPrivileges(true, false, null), Ext4, null));

        Assert.StartsWith("unpackbench-agent runs without CAP_SYS_ADMIN (the container is not privileged), so containerd could not mount", e.Message, StringComparison.Ordinal);
        Assert.Contains("docker run --privileged", e.Message, StringComparison.Ordinal);
        Assert.Contains("securityContext.privileged: true", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_trial_mount_is_reported_with_its_error_and_the_same_advice()
    {
        var privileges = new MountPrivileges(true, true, "mounting a tmpfs on /tmp/x failed: Permission denied");

        var e = Assert.Throws<ContainerdException>(() => Preflight.Check(Settings(), privileges, Ext4, null));

        Assert.Contains("may not mount filesystems here (mounting a tmpfs on /tmp/x failed: Permission denied;", e.Message, StringComparison.Ordinal);
        Assert.Contains("docker run --privileged", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_external_containerd_needs_no_mount_privilege_in_the_agent()
    {
        var settings = Settings() with { ContainerdAddress = "/run/containerd/containerd.sock" };

        Preflight.Check(settings, new MountPrivileges(true, false, null), Ext4, null);
    }

    [Fact]
    public void Not_root_is_refused_before_privileges_are_looked_at()
    {
        var e = Assert.Throws<ContainerdException>(() => Preflight.Check(Settings(), new MountPrivileges(false, false, null), Ext4, null));

        Assert.StartsWith("unpackbench-agent must run as root", e.Message, StringComparison.Ordinal);
    }

    private static BenchmarkSettings Settings() => new()
    {
        ArchivePath = "/images/sample.tar",
        Runs = 1,
        WarmupRuns = 0,
        Snapshotter = "overlayfs",
        Platform = Platform.Parse("linux/amd64"),
        PlatformExplicit = false,
        RootDirectory = "/var/lib/unpackbench/containerd",
        OutputDirectory = "/results",
    };
}
