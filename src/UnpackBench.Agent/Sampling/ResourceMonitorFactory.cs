namespace UnpackBench.Agent.Sampling;

/// <summary>
/// Chooses how containerd is measured. For a private containerd the cgroup is made before containerd
/// starts (it must be born inside it); for an existing one its cgroup is looked up. When cgroups cannot
/// be used, the benchmark still runs and the result says why its figures are missing.
/// </summary>
internal static class ResourceMonitorFactory
{
    /// <summary>Creates containerd's cgroup for a private containerd, or returns why it cannot.</summary>
    public static (ContainerdCgroup? Cgroup, string? Problem) PrepareCgroup()
    {
        try
        {
            var hierarchy = CgroupHierarchy.Resolve(
                    CgroupFileSystem.Read("/proc/self/cgroup") ?? "", CgroupFileSystem.Read("/proc/self/mountinfo") ?? "", CgroupFileSystem.Read)
                ?? throw new CgroupUnavailableException("no cgroup controllers are mounted (/sys/fs/cgroup)");
            return (ContainerdCgroup.Create(hierarchy), null);
        }
        catch (CgroupUnavailableException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>The monitor for a private containerd started in <paramref name="cgroup"/> (or none, because of <paramref name="problem"/>).</summary>
    public static IResourceMonitor ForPrivate(ContainerdCgroup? cgroup, string? problem, TimeSpan interval) =>
        cgroup is null || cgroup.Problem is not null
            ? new UnavailableMonitor($"cannot give containerd a cgroup of its own: {problem ?? cgroup!.Problem}")
            : new CgroupMonitor(cgroup.Counters, interval, cgroup.MissingFigures, cgroup);

    /// <summary>The monitor for an existing containerd, measured through the cgroup it already runs in.</summary>
    public static IResourceMonitor ForExternal(int pid, ulong pidNamespace, TimeSpan interval)
    {
        try
        {
            var counters = ExternalContainerdCgroup.Find(pid, pidNamespace);
            return new CgroupMonitor(counters, interval, [$"figures are those of containerd's cgroup ({counters.Describe}); other work in that cgroup counts too"], null);
        }
        catch (CgroupUnavailableException e)
        {
            return new UnavailableMonitor(e.Message);
        }
    }
}
