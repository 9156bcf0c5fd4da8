namespace UnpackBench.Agent.Sampling;

/// <summary>
/// cgroup v1: <c>cpuacct.usage(_user|_sys)</c> in nanoseconds, <c>memory.usage_in_bytes</c> and
/// <c>memory.max_usage_in_bytes</c> (writing 0 resets the peak), <c>pids.current</c>, and
/// <c>blkio.throttle.io_service_bytes_recursive</c>.
/// </summary>
internal sealed class CgroupV1Counters(CgroupHierarchy hierarchy, Func<string, string?> readFile, Func<string, string, bool> writeFile) : ICgroupCounters
{
    private readonly string? _cpu = hierarchy.DirectoryOf("cpuacct");
    private readonly string? _memory = hierarchy.DirectoryOf("memory");
    private readonly string? _pids = hierarchy.DirectoryOf("pids");
    private readonly string? _blkio = hierarchy.DirectoryOf("blkio");
    private readonly Lazy<(CgroupFileHandle Cpu, CgroupFileHandle Usage, CgroupFileHandle Stat, CgroupFileHandle Pids)> _open = new(() => (
        new CgroupFileHandle(Combine(hierarchy.DirectoryOf("cpuacct"), "cpuacct.usage")),
        new CgroupFileHandle(Combine(hierarchy.DirectoryOf("memory"), "memory.usage_in_bytes")),
        new CgroupFileHandle(Combine(hierarchy.DirectoryOf("memory"), "memory.stat"), 4096),
        new CgroupFileHandle(Combine(hierarchy.DirectoryOf("pids"), "pids.current"))));

    /// <inheritdoc />
    public CgroupVersion Version => CgroupVersion.V1;

    /// <inheritdoc />
    public string Describe => _memory ?? _cpu ?? "(no cgroup)";

    /// <inheritdoc />
    public CgroupReading Read()
    {
        var (read, write) = CgroupFiles.BlkioServiceBytes(File(_blkio, "blkio.throttle.io_service_bytes_recursive") ?? File(_blkio, "blkio.throttle.io_service_bytes"));
        return new CgroupReading
        {
            CpuTotalNanoseconds = CgroupFiles.Single(File(_cpu, "cpuacct.usage")),
            CpuUserNanoseconds = CgroupFiles.Single(File(_cpu, "cpuacct.usage_user")),
            CpuSystemNanoseconds = CgroupFiles.Single(File(_cpu, "cpuacct.usage_sys")),
            MemoryBytes = CgroupFiles.Single(File(_memory, "memory.usage_in_bytes")),
            Pids = (int?)CgroupFiles.Single(File(_pids, "pids.current")),
            IoReadBytes = read,
            IoWriteBytes = write,
        };
    }

    /// <inheritdoc />
    public long? WorkingSetBytes()
    {
        var usage = CgroupFiles.Single(File(_memory, "memory.usage_in_bytes"));
        var stat = CgroupFiles.Keyed(File(_memory, "memory.stat"));
        var inactive = stat.GetValueOrDefault("total_inactive_file", stat.GetValueOrDefault("inactive_file"));
        return usage is null ? null : Math.Max(0, usage.Value - inactive);
    }

    /// <inheritdoc />
    public (long? CpuNanoseconds, long? WorkingSetBytes, int? Pids) Sample()
    {
        var (cpu, usage, stat, pids) = _open.Value;
        var bytes = usage.ReadSingle();
        var inactive = stat.ReadKey("total_inactive_file"u8) ?? stat.ReadKey("inactive_file"u8) ?? 0;
        return (cpu.ReadSingle(), bytes is null ? null : Math.Max(0, bytes.Value - inactive), (int?)pids.ReadSingle());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_open.IsValueCreated)
        {
            var (cpu, usage, stat, pids) = _open.Value;
            cpu.Dispose();
            usage.Dispose();
            stat.Dispose();
            pids.Dispose();
        }
    }

    /// <inheritdoc />
    public bool ResetMemoryPeak() => _memory is not null && writeFile(Path.Combine(_memory, "memory.max_usage_in_bytes"), "0");

    /// <inheritdoc />
    public long? MemoryPeakBytes() => CgroupFiles.Single(File(_memory, "memory.max_usage_in_bytes"));

    /// <inheritdoc />
    public long? FileBytes()
    {
        var stat = CgroupFiles.Keyed(File(_memory, "memory.stat"));
        return stat.TryGetValue("total_cache", out var total) ? total : stat.TryGetValue("cache", out var own) ? own : null;
    }

    private string? File(string? directory, string name) => directory is null ? null : readFile(Path.Combine(directory, name));

    private static string? Combine(string? directory, string name) => directory is null ? null : Path.Combine(directory, name);
}
