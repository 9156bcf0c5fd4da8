using Docker.DotNet.Models;

namespace UnpackBench.Agent.Sampling.Docker;

/// <summary>
/// One answer of Docker's stats API (<c>GET /containers/{id}/stats</c>), reduced to the figures the
/// agent reports and computed the way the <c>docker stats</c> CLI computes them. Docker's model uses 0 for
/// "absent"; here absent is null.
/// </summary>
internal sealed record DockerStatsReading
{
    /// <summary>When the daemon read the container's cgroup (UTC).</summary>
    public required DateTime Read { get; init; }

    /// <summary>cpu_stats.cpu_usage.total_usage: the container's CPU time, nanoseconds.</summary>
    public required ulong CpuTotalNanoseconds { get; init; }

    /// <summary>cpu_stats.cpu_usage.usage_in_usermode, nanoseconds.</summary>
    public ulong CpuUserNanoseconds { get; init; }

    /// <summary>cpu_stats.cpu_usage.usage_in_kernelmode, nanoseconds.</summary>
    public ulong CpuKernelNanoseconds { get; init; }

    /// <summary>cpu_stats.system_cpu_usage: the host's CPU time over all CPUs, nanoseconds; null when absent.</summary>
    public ulong? SystemCpuNanoseconds { get; init; }

    /// <summary>cpu_stats.online_cpus, or the length of percpu_usage when the daemon does not send it (as the CLI does).</summary>
    public uint OnlineCpus { get; init; }

    /// <summary>
    /// Memory in use without reclaimable page cache, bytes, as the CLI shows it: usage minus
    /// <c>total_inactive_file</c> (cgroup v1) or <c>inactive_file</c> (cgroup v2) when that is smaller.
    /// </summary>
    public ulong? MemoryWorkingSetBytes { get; init; }

    /// <summary>memory_stats.max_usage: the cgroup v1 high-water mark since the container started; null on cgroup v2.</summary>
    public ulong? MemoryMaxUsageBytes { get; init; }

    /// <summary>pids_stats.current; null when the pids controller is not there.</summary>
    public int? Pids { get; init; }

    /// <summary>Sum of the "read" entries of blkio_stats.io_service_bytes_recursive over devices; null when Docker sends no list.</summary>
    public long? IoReadBytes { get; init; }

    /// <summary>Sum of the "write" entries of blkio_stats.io_service_bytes_recursive over devices.</summary>
    public long? IoWriteBytes { get; init; }

    /// <summary>
    /// Maps Docker's answer; null when it holds no reading (Docker answers a stopped container with an
    /// empty object whose read time is zero).
    /// </summary>
    public static DockerStatsReading? From(ContainerStatsResponse stats)
    {
        if (stats.Read == default || stats.CPUStats?.CPUUsage is not { } cpu)
        {
            return null;
        }

        var io = stats.BlkioStats?.IoServiceBytesRecursive;
        return new DockerStatsReading
        {
            Read = stats.Read,
            CpuTotalNanoseconds = cpu.TotalUsage,
            CpuUserNanoseconds = cpu.UsageInUsermode,
            CpuKernelNanoseconds = cpu.UsageInKernelmode,
            SystemCpuNanoseconds = stats.CPUStats.SystemUsage is > 0 and var system ? system : null,
            OnlineCpus = stats.CPUStats.OnlineCPUs is > 0 and var online ? online : (uint)(cpu.PercpuUsage?.Count ?? 0),
            MemoryWorkingSetBytes = WorkingSet(stats.MemoryStats),
            MemoryMaxUsageBytes = stats.MemoryStats?.MaxUsage is > 0 and var max ? max : null,
            Pids = stats.PidsStats?.Current is > 0 and var pids ? (int)Math.Min(pids, int.MaxValue) : null,
            IoReadBytes = io is null ? null : Sum(io, "read"),
            IoWriteBytes = io is null ? null : Sum(io, "write"),
        };
    }

    /// <summary>
    /// CPU use between <paramref name="previous"/> and this reading, percent of one core, as the CLI
    /// computes it: container CPU delta / host CPU delta × online CPUs × 100. When the host delta is not
    /// there (no system_cpu_usage, or both readings fell in the same clock tick), the container's CPU
    /// delta over the time between the two reads. Null when no time passed.
    /// </summary>
    public double? CpuPercentSince(DockerStatsReading previous)
    {
        var cpuDelta = (double)CpuTotalNanoseconds - previous.CpuTotalNanoseconds;
        if (cpuDelta <= 0)
        {
            return Read > previous.Read ? 0 : null;
        }

        if (SystemCpuNanoseconds is { } system && previous.SystemCpuNanoseconds is { } previousSystem && system > previousSystem && OnlineCpus > 0)
        {
            return cpuDelta / (system - previousSystem) * OnlineCpus * 100;
        }

        var wallNanoseconds = (Read - previous.Read).Ticks * 100.0;
        return wallNanoseconds > 0 ? cpuDelta / wallNanoseconds * 100 : null;
    }

    private static ulong? WorkingSet(MemoryStats? memory)
    {
        if (memory is not { Usage: > 0 })
        {
            return null;
        }

        var stats = memory.Stats ?? new Dictionary<string, ulong>();
        if (stats.TryGetValue("total_inactive_file", out var v1) && v1 < memory.Usage)
        {
            return memory.Usage - v1;
        }

        return stats.TryGetValue("inactive_file", out var v2) && v2 < memory.Usage ? memory.Usage - v2 : memory.Usage;
    }

    // cgroup v1 spells the operations "Read"/"Write" (plus Sync, Async, Total, …), cgroup v2 "read"/"write".
    private static long Sum(IEnumerable<BlkioStatEntry> entries, string operation) =>
        (long)entries.Where(e => string.Equals(e.Op, operation, StringComparison.OrdinalIgnoreCase))
            .Aggregate(0UL, (total, e) => total + e.Value);
}
