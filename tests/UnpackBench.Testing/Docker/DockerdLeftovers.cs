using System.Diagnostics;
using System.Globalization;

namespace UnpackBench.Testing.Docker;

/// <summary>
/// What a fixture's dockerd can leave behind when it did not shut down cleanly: processes (containerd,
/// shims, container processes) and the cgroups under its cgroup parent; and the <c>/run/containerd/s</c>
/// directory containerd's shims make for their sockets. Removed after dockerd has stopped.
/// </summary>
internal sealed class DockerdLeftovers
{
    private const string ShimSocketDirectory = "/run/containerd/s";
    private readonly string _directory;
    private readonly string _cgroupParent;
    private readonly bool _runContainerdExisted = Directory.Exists("/run/containerd");

    /// <param name="directory">The fixture's temp directory: any process whose command line names it is the fixture's.</param>
    /// <param name="cgroupParent">dockerd's <c>--cgroup-parent</c>, e.g. <c>/unpackbench-dockerd-ab12</c>.</param>
    public DockerdLeftovers(string directory, string cgroupParent)
    {
        _directory = directory;
        _cgroupParent = cgroupParent;
    }

    /// <summary>The filesystem type of the mount holding <paramref name="path"/>, from /proc/self/mountinfo.</summary>
    public static string FileSystemOf(string path) =>
        Mounts().Where(m => path == m.Point || path.StartsWith(m.Point.TrimEnd('/') + "/", StringComparison.Ordinal))
            .MaxBy(m => m.Point.Length).Type ?? "unknown";

    /// <summary>Kills the leftover processes, then removes the cgroups and the empty shim socket directory.</summary>
    public async Task RemoveAsync()
    {
        var cgroups = Mounts().Where(m => m.Type is "cgroup" or "cgroup2")
            .Select(m => m.Point.TrimEnd('/') + _cgroupParent)
            .Where(Directory.Exists)
            .ToList();
        var pids = ProcessesNaming(_directory).Concat(cgroups.SelectMany(ProcessesIn)).Distinct().ToList();
        foreach (var pid in pids)
        {
            Kill(pid);
        }

        await Eventually.TrueAsync(
            _ => Task.FromResult(cgroups.All(TryRemoveTree)),
            TimeSpan.FromSeconds(10),
            $"the cgroups under {_cgroupParent} to empty");
        if (!_runContainerdExisted)
        {
            TryRemoveEmpty(ShimSocketDirectory);
            TryRemoveEmpty("/run/containerd");
        }
    }

    private static IEnumerable<int> ProcessesNaming(string directory)
    {
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId
                && ReadOrEmpty(Path.Combine(entry, "cmdline")).Contains(directory, StringComparison.Ordinal))
            {
                yield return pid;
            }
        }
    }

    private static IEnumerable<int> ProcessesIn(string cgroup) =>
        Directory.EnumerateFiles(cgroup, "cgroup.procs", SearchOption.AllDirectories)
            .SelectMany(file => ReadOrEmpty(file).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Select(line => int.Parse(line, CultureInfo.InvariantCulture));

    // cgroup directories are removed with rmdir, deepest first; their files are not real files.
    private static bool TryRemoveTree(string cgroup)
    {
        if (!Directory.Exists(cgroup))
        {
            return true;
        }

        foreach (var child in Directory.EnumerateDirectories(cgroup, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).Append(cgroup))
        {
            try
            {
                Directory.Delete(child);
            }
            catch (IOException)
            {
                return false;
            }
        }

        return true;
    }

    private static void TryRemoveEmpty(string directory)
    {
        try
        {
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
        catch (IOException)
        {
            // Something else uses it now; it is not ours to remove.
        }
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private static string ReadOrEmpty(string file)
    {
        try
        {
            return File.ReadAllText(file).Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    // "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw" → (/mnt2, ext3)
    private static IEnumerable<(string Point, string? Type)> Mounts() =>
        File.ReadLines("/proc/self/mountinfo")
            .Select(line => (Fields: line.Split(' '), Tail: line.Split(" - ", 2)))
            .Where(m => m.Fields.Length > 4 && m.Tail.Length == 2)
            .Select(m => (m.Fields[4], (string?)m.Tail[1].Split(' ')[0]));
}
