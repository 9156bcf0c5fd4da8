using System.Globalization;

namespace UnpackBench.Agent.Sampling;

/// <summary>
/// The cgroup the private containerd (and everything it spawns, such as unpigz) runs in, created
/// by the agent so that the agent's own CPU and memory never count. containerd is placed in it from
/// birth: the agent steps into the cgroup, starts containerd (a child inherits its parent's cgroup at
/// fork), and steps back — so even containerd's start-up memory is charged to it. Removed on dispose.
/// </summary>
internal sealed class ContainerdCgroup : IDisposable
{
    private const string V2Controllers = "+cpu +memory +pids +io";

    // Moving "the agent" moves the whole process; two launches at once would swap each other's child.
    private static readonly Lock LaunchLock = new();
    private readonly CgroupHierarchy _own;
    private readonly CgroupHierarchy _agentHome;
    private readonly string _name;

    private ContainerdCgroup(CgroupHierarchy own, CgroupHierarchy agentHome, string name)
    {
        _own = own;
        _agentHome = agentHome;
        _name = name;
    }

    /// <summary>The counters of containerd's cgroup.</summary>
    public ICgroupCounters Counters => _own.Version == CgroupVersion.V2
        ? new CgroupV2Counters(_own.ControllerDirectories.Values.First(), CgroupFileSystem.Read)
        : new CgroupV1Counters(_own, CgroupFileSystem.Read, CgroupFileSystem.Write);

    /// <summary>The cgroup version in use.</summary>
    public CgroupVersion Version => _own.Version;

    /// <summary>Figures this cgroup cannot give, because their controller is not available here.</summary>
    public IReadOnlyList<string> MissingFigures =>
        (_own.Version == CgroupVersion.V2
            ? new[] { ("memory", "memory"), ("pids", "PID"), ("io", "I/O") } // cpu.stat exists in every v2 cgroup
            : [("cpuacct", "CPU"), ("memory", "memory"), ("pids", "PID"), ("blkio", "I/O")])
            .Where(c => _own.DirectoryOf(c.Item1) is null)
            .Select(c => $"the '{c.Item1}' cgroup controller is not available here, so {c.Item2} figures are null")
            .ToList();

    /// <summary>Creates a cgroup for containerd next to the agent's own.</summary>
    /// <exception cref="CgroupUnavailableException">cgroupfs is read-only, a controller is missing, or the kernel refuses.</exception>
    public static ContainerdCgroup Create(CgroupHierarchy agent)
    {
        var name = $"unpackbench-containerd-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}";
        return agent.Version == CgroupVersion.V2 ? CreateV2(agent, name) : CreateV1(agent, name);
    }

    /// <summary>Why containerd could not be started inside the cgroup, or null when it was.</summary>
    public string? Problem { get; private set; }

    /// <summary>
    /// Runs <paramref name="launch"/> (which starts containerd) with the agent inside containerd's
    /// cgroup, then moves the agent back. If the kernel refuses the move, containerd starts where the
    /// agent is and <see cref="Problem"/> says why, so no figures are reported for an empty cgroup.
    /// </summary>
    public T Launch<T>(Func<T> launch)
    {
        lock (LaunchLock)
        {
            try
            {
                MoveAgent(_own);
            }
            catch (CgroupUnavailableException e)
            {
                Problem = e.Message;
                return launch();
            }

            try
            {
                return launch();
            }
            finally
            {
                MoveAgent(_agentHome);
            }
        }
    }

    /// <summary>Removes the cgroup directories (they must be empty: containerd has exited).</summary>
    public void Dispose()
    {
        foreach (var directory in _own.ControllerDirectories.Values.Distinct())
        {
            try
            {
                Directory.Delete(directory);
            }
            catch (IOException)
            {
                // Still busy (a process has not exited yet) or already gone: the kernel keeps it until empty.
            }
        }
    }

    private static ContainerdCgroup CreateV1(CgroupHierarchy agent, string name)
    {
        if (agent.DirectoryOf("cpuacct") is null && agent.DirectoryOf("memory") is null)
        {
            throw new CgroupUnavailableException("neither the cgroup v1 'cpuacct' nor the 'memory' controller is mounted");
        }

        var own = new Dictionary<string, string>();
        foreach (var (controller, directory) in agent.ControllerDirectories)
        {
            own[controller] = MakeDirectory(Path.Combine(directory, name));
        }

        return new ContainerdCgroup(new CgroupHierarchy(CgroupVersion.V1, own), agent, name);
    }

    private static ContainerdCgroup CreateV2(CgroupHierarchy agent, string name)
    {
        var parent = agent.ControllerDirectories.Values.First();
        var home = agent;
        if (!CgroupFileSystem.Write(Path.Combine(parent, "cgroup.subtree_control"), V2Controllers))
        {
            // "No internal processes": a cgroup with processes cannot delegate controllers to children,
            // so the agent first moves into a leaf of its own.
            var agentLeaf = MakeDirectory(Path.Combine(parent, $"unpackbench-agent-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}"));
            CgroupFileSystem.WriteOrThrow(Path.Combine(agentLeaf, "cgroup.procs"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            CgroupFileSystem.WriteOrThrow(Path.Combine(parent, "cgroup.subtree_control"), V2Controllers);
            home = new CgroupHierarchy(CgroupVersion.V2, agent.ControllerDirectories.ToDictionary(kv => kv.Key, _ => agentLeaf));
        }

        var directory = MakeDirectory(Path.Combine(parent, name));
        var controllers = (CgroupFileSystem.Read(Path.Combine(directory, "cgroup.controllers")) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ContainerdCgroup(new CgroupHierarchy(CgroupVersion.V2, controllers.ToDictionary(c => c, _ => directory)), home, name);
    }

    private static void MoveAgent(CgroupHierarchy to)
    {
        foreach (var directory in to.ControllerDirectories.Values.Distinct())
        {
            CgroupFileSystem.WriteOrThrow(Path.Combine(directory, "cgroup.procs"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static string MakeDirectory(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CgroupUnavailableException($"cannot create cgroup {path}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public override string ToString() => _name;
}
