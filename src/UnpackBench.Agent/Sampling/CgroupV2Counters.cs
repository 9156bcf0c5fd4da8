namespace UnpackBench.Agent.Sampling;

/// <summary>
/// cgroup v2: <c>cpu.stat</c> (microseconds), <c>memory.current</c>, <c>memory.peak</c>,
/// <c>pids.current</c>, <c>io.stat</c>. Since Linux 6.12 a write to <c>memory.peak</c> resets the
/// peak as seen through that open file, so the reset keeps the file open until the peak is read.
/// </summary>
internal sealed class CgroupV2Counters(string directory, Func<string, string?> readFile) : ICgroupCounters
{
    private readonly Lazy<(CgroupFileHandle Cpu, CgroupFileHandle Current, CgroupFileHandle Stat, CgroupFileHandle Pids)> _open = new(() => (
        new CgroupFileHandle(Path.Combine(directory, "cpu.stat"), 1024),
        new CgroupFileHandle(Path.Combine(directory, "memory.current")),
        new CgroupFileHandle(Path.Combine(directory, "memory.stat"), 8192),
        new CgroupFileHandle(Path.Combine(directory, "pids.current"))));

    private FileStream? _peak;

    /// <inheritdoc />
    public CgroupVersion Version => CgroupVersion.V2;

    /// <inheritdoc />
    public string Describe => directory;

    /// <inheritdoc />
    public CgroupReading Read()
    {
        var cpu = CgroupFiles.Keyed(File("cpu.stat"));
        var (read, write) = CgroupFiles.IoStat(File("io.stat"));
        return new CgroupReading
        {
            CpuTotalNanoseconds = Micro(cpu, "usage_usec"),
            CpuUserNanoseconds = Micro(cpu, "user_usec"),
            CpuSystemNanoseconds = Micro(cpu, "system_usec"),
            MemoryBytes = CgroupFiles.Single(File("memory.current")),
            Pids = (int?)CgroupFiles.Single(File("pids.current")),
            IoReadBytes = read,
            IoWriteBytes = write,
        };
    }

    /// <inheritdoc />
    public long? WorkingSetBytes()
    {
        var current = CgroupFiles.Single(File("memory.current"));
        var inactive = CgroupFiles.Keyed(File("memory.stat")).GetValueOrDefault("inactive_file");
        return current is null ? null : Math.Max(0, current.Value - inactive);
    }

    /// <inheritdoc />
    public (long? CpuNanoseconds, long? WorkingSetBytes, int? Pids) Sample()
    {
        var (cpu, current, stat, pids) = _open.Value;
        var bytes = current.ReadSingle();
        var inactive = stat.ReadKey("inactive_file"u8) ?? 0;
        return (cpu.ReadKey("usage_usec"u8) * 1000, bytes is null ? null : Math.Max(0, bytes.Value - inactive), (int?)pids.ReadSingle());
    }

    /// <inheritdoc />
    public bool ResetMemoryPeak()
    {
        _peak?.Dispose();
        _peak = null;
        try
        {
            var stream = new FileStream(Path.Combine(directory, "memory.peak"), FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1, FileOptions.None);
            stream.Write("reset\n"u8);
            _peak = stream;
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public long? MemoryPeakBytes()
    {
        if (_peak is null)
        {
            return CgroupFiles.Single(File("memory.peak"));
        }

        _peak.Seek(0, SeekOrigin.Begin);
        var buffer = new byte[64];
        var read = _peak.Read(buffer);
        return CgroupFiles.Single(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _peak?.Dispose();
        if (_open.IsValueCreated)
        {
            var (cpu, current, stat, pids) = _open.Value;
            cpu.Dispose();
            current.Dispose();
            stat.Dispose();
            pids.Dispose();
        }
    }

    /// <inheritdoc />
    public long? FileBytes() => CgroupFiles.Keyed(File("memory.stat")).TryGetValue("file", out var file) ? file : null;

    private static long? Micro(Dictionary<string, long> stat, string key) => stat.TryGetValue(key, out var value) ? value * 1000 : null;

    private string? File(string name) => readFile(Path.Combine(directory, name));
}
