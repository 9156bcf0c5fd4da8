namespace UnpackBench.Agent.Sampling;

/// <summary>Reads a cgroup's counters; v1 and v2 name and shape them differently.</summary>
internal interface ICgroupCounters : IDisposable
{
    /// <summary>cgroup v1 or v2.</summary>
    CgroupVersion Version { get; }

    /// <summary>The cgroup's directory (the memory controller's, for v1), for messages.</summary>
    string Describe { get; }

    /// <summary>Reads CPU, memory, PIDs and I/O counters.</summary>
    CgroupReading Read();

    /// <summary>Memory in use without reclaimable page cache (what <c>docker stats</c> shows), bytes.</summary>
    long? WorkingSetBytes();

    /// <summary>
    /// The three figures the sampler needs, read cheaply (files kept open): CPU nanoseconds so far,
    /// working-set bytes and tasks.
    /// </summary>
    (long? CpuNanoseconds, long? WorkingSetBytes, int? Pids) Sample();

    /// <summary>
    /// Starts a fresh memory peak for a timed window. Returns false when the kernel cannot reset it;
    /// the peak read afterwards is then the high-water mark since the cgroup was created.
    /// </summary>
    bool ResetMemoryPeak();

    /// <summary>The memory peak since the last reset (or creation), bytes, page cache included; null if unavailable.</summary>
    long? MemoryPeakBytes();

    /// <summary>Page-cache (file) pages charged to the cgroup, bytes; null if unavailable.</summary>
    long? FileBytes();
}
