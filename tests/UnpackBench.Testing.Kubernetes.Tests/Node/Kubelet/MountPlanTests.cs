using UnpackBench.Testing.Kubernetes.Node;

namespace UnpackBench.Testing.Kubernetes.Tests.Node.Kubelet;

/// <summary>
/// How the launcher's operations give a container its mounts without touching the host: missing mount
/// points are made in private tmpfs copies ("shadows") or inside volumes, links are resolved in the
/// container's view, and /tmp is the container's own.
/// </summary>
public sealed class MountPlanTests : IDisposable
{
    private readonly TempDirectory _host = new("plan");

    [Fact]
    public void A_missing_mount_point_under_a_host_directory_is_made_in_a_shadow_of_that_directory()
    {
        var source = _host.CreateSubdirectory("volume");

        var plan = Plan(new MountRequest(source, "/var/lib/test-kubelet-plan", ReadOnly: false));

        Assert.Equal(["tmpfs", "/tmp", "shadow", "/var/lib", "mkdir", "/var/lib/test-kubelet-plan", "bind", source, "/var/lib/test-kubelet-plan"], plan);
    }

    [Fact]
    public void A_missing_mount_point_under_the_root_is_made_in_the_root_tmpfs()
    {
        var source = _host.CreateSubdirectory("volume");

        var plan = Plan(new MountRequest(source, "/test-kubelet-plan/deeper/", ReadOnly: true));

        Assert.Equal(["tmpfs", "/tmp", "mkdir", "/test-kubelet-plan", "mkdir", "/test-kubelet-plan/deeper", "bind", source, "/test-kubelet-plan/deeper", "ro", "/test-kubelet-plan/deeper"], plan);
    }

    [Fact]
    public void An_existing_mount_point_is_mounted_on_directly()
    {
        var source = _host.CreateSubdirectory("volume");

        Assert.Equal(["tmpfs", "/tmp", "bind", source, "/mnt"], Plan(new MountRequest(source, "/mnt", ReadOnly: false)));
    }

    [Fact]
    public void A_file_mount_point_is_a_new_file_in_a_shadow()
    {
        var file = _host.Combine("termination-log");
        File.WriteAllText(file, "");

        var plan = Plan(new MountRequest(file, "/dev/termination-log", ReadOnly: false));

        Assert.Equal(["tmpfs", "/tmp", "shadow", "/dev", "touch", "/dev/termination-log", "bind", file, "/dev/termination-log"], plan);
    }

    [Fact]
    public void A_mount_point_inside_a_volume_is_made_in_the_volume_without_a_shadow()
    {
        var data = _host.CreateSubdirectory("data");
        var inner = _host.CreateSubdirectory("inner");

        var plan = Plan(new MountRequest(data, "/test-kubelet-data", ReadOnly: false), new MountRequest(inner, "/test-kubelet-data/sub", ReadOnly: false));

        Assert.Equal(["tmpfs", "/tmp", "mkdir", "/test-kubelet-data", "bind", data, "/test-kubelet-data", "mkdir", "/test-kubelet-data/sub", "bind", inner, "/test-kubelet-data/sub"], plan);
    }

    [Fact]
    public void Links_are_resolved_in_the_containers_view_so_no_operation_follows_one()
    {
        var data = _host.CreateSubdirectory("data");
        Directory.CreateDirectory(Path.Combine(data, "releases", "v1"));
        File.CreateSymbolicLink(Path.Combine(data, "current"), "releases/v1");
        File.CreateSymbolicLink(Path.Combine(data, "escape"), "/etc");
        var inner = _host.CreateSubdirectory("inner");

        var plan = Plan(
            new MountRequest(data, "/test-kubelet-data", ReadOnly: false),
            new MountRequest(inner, "/test-kubelet-data/current/logs", ReadOnly: false),
            new MountRequest(inner, "/test-kubelet-data/escape/test-kubelet-x", ReadOnly: false));

        Assert.Equal(
            [
                "tmpfs", "/tmp", "mkdir", "/test-kubelet-data", "bind", data, "/test-kubelet-data",
                "mkdir", "/test-kubelet-data/releases/v1/logs", "bind", inner, "/test-kubelet-data/releases/v1/logs",
                "shadow", "/etc", "mkdir", "/etc/test-kubelet-x", "bind", inner, "/etc/test-kubelet-x",
            ],
            plan);
    }

    [Fact]
    public void Tmp_is_private_unless_a_volume_is_mounted_there_and_program_files_in_it_stay_visible()
    {
        var results = _host.CreateSubdirectory("results");
        var program = _host.Combine("bin", "program.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(program)!);
        File.WriteAllText(program, "");

        var privateTmp = MountPlan.Build([new MountRequest(results, "/tmp/results", ReadOnly: false)], null, ["/usr/bin/dotnet", program]).Operations;
        var volumeTmp = MountPlan.Build([new MountRequest(results, "/tmp", ReadOnly: false)], "/tmp/work", []).Operations;

        var bin = Path.GetDirectoryName(program)!;
        Assert.StartsWith("/tmp/", _host.Path, StringComparison.Ordinal);
        Assert.Equal(["tmpfs", "/tmp", "mkdir", _host.Path, "mkdir", bin, "bind", bin, bin, "ro", bin, "mkdir", "/tmp/results", "bind", results, "/tmp/results"], privateTmp);
        Assert.Equal(["bind", results, "/tmp", "mkdir", "/tmp/work", "workdir", "/tmp/work"], volumeTmp);
    }

    [Fact]
    public void A_directory_cannot_be_mounted_on_a_file()
    {
        var source = _host.CreateSubdirectory("volume");

        var error = Assert.Throws<ContainerSetupException>(() => Plan(new MountRequest(source, "/etc/hostname", ReadOnly: false)));

        Assert.Equal("RunContainerError", error.Reason);
    }

    public void Dispose() => _host.Dispose();

    private static IReadOnlyList<string> Plan(params MountRequest[] mounts) => MountPlan.Build(mounts, null, []).Operations;
}
