namespace UnpackBench.Agent.Machine;

/// <summary>
/// The mounts of the agent's mount namespace, parsed from <c>/proc/self/mountinfo</c>, to tell
/// which filesystem a directory lives on (overlayfs cannot host containerd's overlay snapshots).
/// </summary>
internal sealed class MountTable
{
    private readonly List<(string MountPoint, string FileSystem)> _mounts;

    private MountTable(List<(string, string)> mounts) => _mounts = mounts;

    /// <summary>Reads the current process's mount table.</summary>
    public static MountTable ReadCurrent() => Parse(File.ReadAllText("/proc/self/mountinfo"));

    /// <summary>Parses mountinfo text: field 5 is the mount point, the first field after " - " the filesystem type.</summary>
    public static MountTable Parse(string mountInfo)
    {
        var mounts = new List<(string, string)>();
        foreach (var line in mountInfo.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = line.IndexOf(" - ", StringComparison.Ordinal);
            var fields = line.Split(' ');
            if (separator < 0 || fields.Length < 5)
            {
                continue;
            }

            var fileSystem = line[(separator + 3)..].Split(' ')[0];
            mounts.Add((Unescape(fields[4]), fileSystem));
        }

        return new MountTable(mounts);
    }

    /// <summary>
    /// The filesystem type holding <paramref name="path"/> (an absolute path, resolved by the caller):
    /// the type of the longest mount point containing it; later mounts over the same point win.
    /// </summary>
    public string FileSystemOf(string path)
    {
        var best = ("/", "unknown");
        foreach (var (mountPoint, fileSystem) in _mounts)
        {
            var contains = mountPoint == "/" || path == mountPoint || path.StartsWith(mountPoint + "/", StringComparison.Ordinal);
            if (contains && mountPoint.Length >= best.Item1.Length)
            {
                best = (mountPoint, fileSystem);
            }
        }

        return best.Item2;
    }

    // mountinfo escapes space, tab, newline and backslash as three-digit octal.
    private static string Unescape(string field) =>
        field.Replace("\\040", " ", StringComparison.Ordinal)
            .Replace("\\011", "\t", StringComparison.Ordinal)
            .Replace("\\012", "\n", StringComparison.Ordinal)
            .Replace("\\134", "\\", StringComparison.Ordinal);
}
