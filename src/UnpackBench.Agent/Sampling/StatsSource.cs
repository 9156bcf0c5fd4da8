namespace UnpackBench.Agent.Sampling;

/// <summary>Where resource figures come from, as <c>--stats-source</c> names it.</summary>
internal enum StatsSource
{
    /// <summary>cgroup when it can be used, else Docker when the agent runs in a container with the Docker socket, else none.</summary>
    Auto,

    /// <summary>containerd's cgroup: exact counters, containerd only.</summary>
    Cgroup,

    /// <summary><c>docker stats</c> of the agent's own container, as the original tool measured.</summary>
    Docker,
}
