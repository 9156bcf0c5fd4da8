namespace UnpackBench.Agent.Machine;

/// <summary>
/// The mounts of the agent's mount namespace, parsed from <c>/proc/self/mountinfo</c>, to tell
/// which filesystem a directory lives on (overlayfs cannot host containerd's overlay snapshots) and
/// on which device (whether an ext4 there has a journal).
/// </summary>
internal sealed class MountTable
{
    private readonly List<Mount> _mounts;

    private MountTable(List<Mount> mounts) => _mounts = mounts;

    /// <summary>Reads the current process's mount table.</summary>
    public static MountTable ReadCurrent() => Parse(File.ReadAllText("/proc/self/mountinfo"));

    /// <summary>Parses mountinfo text: field 3 is the device number, field 5 the mount point, the first field after " - " the filesystem type.</summary>
    public static MountTable Parse(string mountInfo)
    {
        var mounts = new List<Mount>();
        foreach (var line in mountInfo.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = line.IndexOf(" - ", StringComparison.Ordinal);
            var fields = line.Split(' ');
            if (separator < 0 || fields.Length < 5)
            {
                continue;
            }

            var fileSystem = line[(separator + 3)..].Split(' ')[0];
            mounts.Add(new Mount(Unescape(fields[4]), fileSystem, fields[2]));
        }

        return new MountTable(mounts);
    }

    /// <summary>
    /// The filesystem type holding <paramref name="path"/> (an absolute path, resolved by the caller):
    /// the type of the longest mount point containing it; later mounts over the same point win.
    /// </summary>
    public string FileSystemOf(string path) => MountOf(path).FileSystem;

    /// <summary>The mount holding <paramref name="path"/>, found as <see cref="FileSystemOf"/> says.</summary>
    public Mount MountOf(string path)
    {
        var best = new Mount("/", "unknown", "0:0");
        foreach (var mount in _mounts)
        {
            var contains = mount.MountPoint == "/" || path == mount.MountPoint || path.StartsWith(mount.MountPoint + "/", StringComparison.Ordinal);
            if (contains && mount.MountPoint.Length >= best.MountPoint.Length)
            {
                best = mount;
            }
        }

        return best;
    }

    // mountinfo escapes space, tab, newline and backslash as three-digit octal.
    private static string Unescape(string field) =>
        field.Replace("\\040", " ", StringComparison.Ordinal)
            .Replace("\\011", "\t", StringComparison.Ordinal)
            .Replace("\\012", "\n", StringComparison.Ordinal)
            .Replace("\\134", "\\", StringComparison.Ordinal);
}
