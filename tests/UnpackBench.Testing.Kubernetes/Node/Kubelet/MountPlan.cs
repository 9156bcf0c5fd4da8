namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// Plans the operations the container launcher (<see cref="LauncherScript"/>) performs to give a container
/// the host's filesystem plus its own mounts, without changing anything outside the container's mount
/// namespace. The container's root starts as a copy of the host's <c>/</c> (a tmpfs whose entries are bind
/// mounts of the host's). A mount target that does not exist is created where that is private: in a tmpfs
/// the plan made, or inside a volume (as runc creates mount points in volumes). When the target's parent is
/// a host directory, that directory is first "shadowed": covered by a tmpfs holding bind mounts of all its
/// entries, so the new mount point lives in the tmpfs and the host directory is left alone. Paths are
/// resolved through symbolic links in the container's view, so no operation follows a link to the host.
/// <c>/tmp</c> is a private, empty tmpfs, as a container's own <c>/tmp</c> would be, unless a mount targets it.
/// </summary>
internal sealed class MountPlan
{
    private const int MaxSymlinks = 40;
    private const string Tmp = "/tmp";
    private readonly List<(string Target, string? Source)> _mounts = [];
    private readonly Dictionary<string, bool> _created = new(StringComparer.Ordinal);
    private readonly HashSet<string> _shadowed = new(StringComparer.Ordinal) { "/" };
    private readonly List<string> _operations = [];

    private enum EntryKind
    {
        Missing,
        Directory,
        File,
        Symlink,
    }

    /// <summary>The launcher's operation arguments, in order.</summary>
    public IReadOnlyList<string> Operations => _operations;

    /// <summary>
    /// The plan for <paramref name="mounts"/> (in order) and the working directory (created if missing).
    /// <paramref name="programPaths"/> (the mapped program's files) stay visible when they are under <c>/tmp</c>.
    /// </summary>
    public static MountPlan Build(IReadOnlyList<MountRequest> mounts, string? workingDirectory, IEnumerable<string> programPaths)
    {
        var plan = new MountPlan();
        if (!mounts.Any(mount => "/" + string.Join('/', Components(mount.Target)) == Tmp))
        {
            plan.PrivateTmp(programPaths);
        }

        foreach (var mount in mounts)
        {
            plan.Mount(mount);
        }

        if (!string.IsNullOrEmpty(workingDirectory))
        {
            var directory = plan.Resolve(workingDirectory);
            plan.Ensure(directory, directory: true);
            plan._operations.AddRange(["workdir", directory]);
        }

        return plan;
    }

    /// <summary>An empty tmpfs on /tmp, with the directories of <paramref name="programPaths"/> under it bound back read-only.</summary>
    private void PrivateTmp(IEnumerable<string> programPaths)
    {
        Ensure(Tmp, directory: true);
        _operations.AddRange(["tmpfs", Tmp]);
        _mounts.Add((Tmp, null));
        var directories = programPaths
            .Where(path => path.StartsWith(Tmp + "/", StringComparison.Ordinal) && Path.Exists(path))
            .Select(path => Directory.Exists(path) ? path : Path.GetDirectoryName(path)!)
            .Distinct(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            Mount(new MountRequest(directory, directory, ReadOnly: true));
        }
    }

    private void Mount(MountRequest mount)
    {
        var target = Resolve(mount.Target);
        Ensure(target, Directory.Exists(mount.Source));
        _operations.AddRange(["bind", mount.Source, target]);
        if (mount.ReadOnly)
        {
            _operations.AddRange(["ro", target]);
        }

        _mounts.Add((target, mount.Source));
    }

    /// <summary>Makes sure <paramref name="path"/> exists as a directory or file in the container's view.</summary>
    private void Ensure(string path, bool directory)
    {
        var kind = path == "/" ? EntryKind.Directory : Inspect(path).Kind;
        if (kind == EntryKind.Missing)
        {
            var parent = Parent(path);
            Ensure(parent, directory: true);
            if (!IsPrivate(parent))
            {
                _operations.AddRange(["shadow", parent]);
                _shadowed.Add(parent);
            }

            _operations.AddRange([directory ? "mkdir" : "touch", path]);
            _created[path] = directory;
        }
        else if ((kind == EntryKind.Directory) != directory)
        {
            throw new ContainerSetupException("RunContainerError",
                $"cannot mount a {(directory ? "directory" : "file")} on {path}: it is a {(directory ? "file" : "directory")}", retryable: false);
        }
    }

    /// <summary>
    /// The absolute, normalised path with every symbolic link resolved in the container's view (a link
    /// <c>/var/run → /run</c> makes <c>/var/run/x</c> <c>/run/x</c>).
    /// </summary>
    private string Resolve(string path)
    {
        var pending = new Queue<string>(Components(path));
        var current = "/";
        var links = 0;
        while (pending.TryDequeue(out var component))
        {
            var next = Join(current, component);
            var (kind, link) = Inspect(next);
            if (kind == EntryKind.Missing)
            {
                return Join(next, string.Join('/', pending));
            }

            if (kind == EntryKind.Symlink)
            {
                if (++links > MaxSymlinks)
                {
                    throw new ContainerSetupException("RunContainerError", $"resolving {path}: too many levels of symbolic links", retryable: false);
                }

                var restart = Components(link!.StartsWith('/') ? link : Join(current, link)).Concat(pending).ToList();
                pending = new Queue<string>(restart);
                current = "/";
                continue;
            }

            current = next;
        }

        return current;
    }

    private (EntryKind Kind, string? Link) Inspect(string path)
    {
        if (_created.TryGetValue(path, out var isDirectory))
        {
            return (isDirectory ? EntryKind.Directory : EntryKind.File, null);
        }

        var (host, mounted) = HostPath(path);
        if (host is null)
        {
            return (mounted && _mounts.Any(m => m.Target == path) ? EntryKind.Directory : EntryKind.Missing, null);
        }

        var link = new FileInfo(host).LinkTarget;
        return link is not null ? (EntryKind.Symlink, (string?)link)
            : Directory.Exists(host) ? (EntryKind.Directory, null)
            : File.Exists(host) ? (EntryKind.File, null)
            : (EntryKind.Missing, null);
    }

    /// <summary>
    /// Where a container path's content is on the host: inside the latest mount that covers it, else the same
    /// path; null inside a tmpfs of the plan's (nothing there exists unless the plan created it).
    /// </summary>
    private (string? Path, bool Mounted) HostPath(string path)
    {
        for (var i = _mounts.Count - 1; i >= 0; i--)
        {
            var (target, source) = _mounts[i];
            if (path == target)
            {
                return (source, true);
            }

            if (path.StartsWith(target + "/", StringComparison.Ordinal))
            {
                return (source is null ? null : source + path[target.Length..], true);
            }
        }

        return (path, false);
    }

    /// <summary>Whether creating an entry in <paramref name="directory"/> stays inside the container (a tmpfs of the plan's, or a volume).</summary>
    private bool IsPrivate(string directory) =>
        _shadowed.Contains(directory) || _created.ContainsKey(directory) || HostPath(directory).Mounted;

    private static List<string> Components(string path)
    {
        var components = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (components.Count > 0)
                {
                    components.RemoveAt(components.Count - 1);
                }
            }
            else if (part != ".")
            {
                components.Add(part);
            }
        }

        return components;
    }

    private static string Join(string directory, string relative) =>
        "/" + string.Join('/', Components(directory + "/" + relative));

    private static string Parent(string path) => path.LastIndexOf('/') is var slash and > 0 ? path[..slash] : "/";
}
