using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Machine;

namespace UnpackBench.Agent.Benchmark;

/// <summary>
/// Checks that fail fast, before containerd starts: root, the privilege to mount, the root
/// directory's filesystem, the containerd binary. Each failure says what to change.
/// </summary>
internal static class Preflight
{
    /// <summary>Throws <see cref="ContainerdException"/> when the benchmark cannot run here.</summary>
    public static void Check(BenchmarkSettings settings, MountPrivileges privileges, MountTable mounts, string? searchPath)
    {
        if (!privileges.IsRoot)
        {
            throw new ContainerdException(
                "unpackbench-agent must run as root: containerd mounts filesystems for every layer and only root may do that. " +
                "Run it with sudo, or in a privileged container");
        }

        if (settings.ContainerdAddress is not null)
        {
            return;
        }

        if (MountProblem(privileges) is { } problem)
        {
            throw new ContainerdException(
                $"{problem}, so containerd could not mount the layers' snapshots. " +
                "Run the agent's container privileged: docker run --privileged (docker compose: privileged: true), " +
                "or in Kubernetes securityContext.privileged: true");
        }

        var fileSystem = mounts.FileSystemOf(NearestExisting(settings.RootDirectory));
        if (fileSystem == "overlay")
        {
            throw new ContainerdException(
                $"--root {settings.RootDirectory} is on overlayfs, and overlay cannot stack on overlay, so containerd's snapshots would fail. " +
                "Put --root on a real filesystem: in a container, mount a volume there (e.g. -v unpackbench-cache:/var/lib/unpackbench); on a host, pick a directory on ext4 or xfs");
        }

        ContainerdBinary.Locate(searchPath);
    }

    private static string? MountProblem(MountPrivileges privileges) => privileges switch
    {
        { HasSysAdmin: false } => "unpackbench-agent runs without CAP_SYS_ADMIN (the container is not privileged)",
        { MountError: { } error } => $"unpackbench-agent may not mount filesystems here ({error}; a security profile or a missing privilege refuses mount(2))",
        _ => null,
    };

    private static string NearestExisting(string path)
    {
        var current = path;
        while (!Directory.Exists(current) && Path.GetDirectoryName(current) is { } parent)
        {
            current = parent;
        }

        return current;
    }
}
