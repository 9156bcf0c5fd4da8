namespace UnpackBench.Agent.Sampling;

/// <summary>
/// One reading of a cgroup's counters. Null means the kernel does not offer that figure here (a
/// missing controller or file), never zero.
/// </summary>
internal sealed record CgroupReading
{
    /// <summary>CPU time in user mode, nanoseconds since the cgroup was created.</summary>
    public long? CpuUserNanoseconds { get; init; }

    /// <summary>CPU time in kernel mode, nanoseconds.</summary>
    public long? CpuSystemNanoseconds { get; init; }

    /// <summary>All CPU time, nanoseconds (user + system, as the kernel accounts it).</summary>
    public long? CpuTotalNanoseconds { get; init; }

    /// <summary>Memory charged to the cgroup now, bytes.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>Tasks (processes and threads) in the cgroup now.</summary>
    public int? Pids { get; init; }

    /// <summary>Bytes read from block devices since creation.</summary>
    public long? IoReadBytes { get; init; }

    /// <summary>Bytes written to block devices since creation.</summary>
    public long? IoWriteBytes { get; init; }
}
