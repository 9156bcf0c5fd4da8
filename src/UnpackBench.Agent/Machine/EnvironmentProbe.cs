using System.Reflection;
using UnpackBench.Agent.Containerd;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Machine;

/// <summary>Collects the <c>environment</c> section of the result: machine, kernel and containerd.</summary>
internal static class EnvironmentProbe
{
    /// <summary>
    /// Reads the facts; <paramref name="snapshotterRoot"/> is where the snapshotter writes (null when
    /// containerd does not say), whose filesystem is the one that matters for the unpack.
    /// </summary>
    public static async Task<EnvironmentDescription> DescribeAsync(IContainerdHost host, string snapshotter, string? snapshotterRoot, CancellationToken cancellationToken)
    {
        var connection = host.Connection;
        var version = await connection.Version.VersionAsync(new(), connection.Call(cancellationToken));
        var containerdEnvironment = ReadEnvironment(host.ProcessId);
        return new EnvironmentDescription
        {
            Hostname = Environment.GetEnvironmentVariable("NODE_NAME") is { Length: > 0 } node ? node : Environment.MachineName,
            Kernel = ReadOr("/proc/sys/kernel/osrelease", "unknown").Trim(),
            CpuModel = MachineFacts.CpuModel(ReadOr("/proc/cpuinfo", "")),
            CpuCount = Environment.ProcessorCount,
            MemoryMb = MachineFacts.MemoryMb(ReadOr("/proc/meminfo", "")),
            RootFilesystem = snapshotterRoot is not null && Directory.Exists(snapshotterRoot)
                ? RootFilesystem.Describe(MountTable.ReadCurrent().MountOf(Path.GetFullPath(snapshotterRoot)), device => Ext4Journal.Has(device))
                : "unknown",
            ContainerdVersion = version.Version,
            ContainerdRevision = version.Revision,
            ContainerdMode = host.Mode,
            Snapshotter = snapshotter,
            Decompressor = containerdEnvironment is null
                ? "unknown"
                : MachineFacts.GzipDecompressor(containerdEnvironment, path => ContainerdBinary.Find("unpigz", path) is not null),
            AgentVersion = AgentVersion,
        };
    }

    /// <summary>The agent's informational version.</summary>
    public static string AgentVersion =>
        typeof(EnvironmentProbe).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static Dictionary<string, string>? ReadEnvironment(int pid)
    {
        try
        {
            return pid > 0 ? MachineFacts.ParseEnviron(File.ReadAllText($"/proc/{pid}/environ")) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string ReadOr(string path, string fallback)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return fallback;
        }
    }
}
