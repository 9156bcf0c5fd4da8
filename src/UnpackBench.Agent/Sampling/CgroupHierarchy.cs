namespace UnpackBench.Agent.Sampling;

/// <summary>
/// Where a process's cgroups are on disk. cgroup v2 ("unified") has one directory per cgroup with
/// every controller in it; v1 has one hierarchy per controller (cpu,cpuacct / memory / blkio / pids),
/// each mounted separately. Built from <c>/proc/&lt;pid&gt;/cgroup</c> and the mount table, so it
/// also works inside containers whose cgroup namespace hides the host's paths.
/// </summary>
internal sealed record CgroupHierarchy(CgroupVersion Version, IReadOnlyDictionary<string, string> ControllerDirectories)
{
    /// <summary>The controllers the agent reads.</summary>
    public static readonly string[] Controllers = ["cpu", "cpuacct", "memory", "pids", "blkio", "io"];

    /// <summary>The directory holding <paramref name="controller"/>'s files, or null if that controller is not mounted.</summary>
    public string? DirectoryOf(string controller) => ControllerDirectories.GetValueOrDefault(controller);

    /// <summary>
    /// Resolves a process's cgroups. <paramref name="procCgroup"/> is <c>/proc/&lt;pid&gt;/cgroup</c>,
    /// <paramref name="mountInfo"/> is <c>/proc/self/mountinfo</c>. v2 is used when the unified hierarchy
    /// has the cpu or memory controller (pure v2, or hybrid with controllers moved); otherwise v1.
    /// </summary>
    public static CgroupHierarchy? Resolve(string procCgroup, string mountInfo, Func<string, string?> readFile)
    {
        var memberships = ParseMemberships(procCgroup);
        var mounts = ParseCgroupMounts(mountInfo);

        var unified = mounts.FirstOrDefault(m => m.IsUnified);
        if (unified is not null && memberships.TryGetValue("", out var unifiedPath))
        {
            var directory = Join(unified, unifiedPath);
            var controllers = (readFile(Path.Combine(directory, "cgroup.controllers")) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (controllers.Contains("cpu") || controllers.Contains("memory"))
            {
                return new CgroupHierarchy(CgroupVersion.V2, controllers.ToDictionary(c => c, _ => directory));
            }
        }

        var v1 = new Dictionary<string, string>();
        foreach (var mount in mounts.Where(m => !m.IsUnified))
        {
            foreach (var controller in mount.Controllers)
            {
                var key = memberships.Keys.FirstOrDefault(k => k.Split(',').Contains(controller));
                if (key is not null)
                {
                    v1[controller] = Join(mount, memberships[key]);
                }
            }
        }

        return v1.Count == 0 ? null : new CgroupHierarchy(CgroupVersion.V1, v1);
    }

    // "4:memory:/a/b" → memory → /a/b ; "0::/x" → "" → /x ; "2:cpu,cpuacct:/" → "cpu,cpuacct" → /
    private static Dictionary<string, string> ParseMemberships(string procCgroup) =>
        procCgroup.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 3))
            .Where(f => f.Length == 3)
            .GroupBy(f => f[1])
            .ToDictionary(g => g.Key, g => g.First()[2]);

    // A later mount hides every earlier one at or below its mount point (e.g. a tmpfs over
    // /sys/fs/cgroup hides the hierarchies mounted inside it), so those no longer count.
    private static List<CgroupMount> ParseCgroupMounts(string mountInfo)
    {
        var visible = new Dictionary<string, CgroupMount?>();
        foreach (var line in mountInfo.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = line.IndexOf(" - ", StringComparison.Ordinal);
            var fields = line.Split(' ');
            if (separator < 0 || fields.Length < 5)
            {
                continue;
            }

            var tail = line[(separator + 3)..].Split(' ');
            var options = tail.Length > 2 ? tail[2].Split(',') : [];
            foreach (var hidden in visible.Keys.Where(p => p == fields[4] || p.StartsWith(fields[4].TrimEnd('/') + "/", StringComparison.Ordinal)).ToList())
            {
                visible.Remove(hidden);
            }

            visible[fields[4]] = tail[0] switch
            {
                "cgroup2" => new CgroupMount(fields[4], fields[3], true, []),
                "cgroup" => new CgroupMount(fields[4], fields[3], false, options.Where(o => Controllers.Contains(o)).ToArray()),
                _ => null,
            };
        }

        return visible.Values.OfType<CgroupMount>().ToList();
    }

    // The path in /proc/pid/cgroup is relative to the hierarchy's root; a mount may expose a sub-tree.
    private static string Join(CgroupMount mount, string cgroupPath)
    {
        var relative = mount.Root == "/" || !cgroupPath.StartsWith(mount.Root, StringComparison.Ordinal)
            ? cgroupPath
            : cgroupPath[mount.Root.Length..];
        return Path.Combine(mount.MountPoint, relative.TrimStart('/'));
    }

    private sealed record CgroupMount(string MountPoint, string Root, bool IsUnified, string[] Controllers);
}

/// <summary>cgroup v1 (a hierarchy per controller) or v2 (one unified hierarchy).</summary>
internal enum CgroupVersion
{
    /// <summary>Legacy per-controller hierarchies.</summary>
    V1,

    /// <summary>The unified hierarchy.</summary>
    V2,
}
