using UnpackBench.Agent.Sampling;
using UnpackBench.Testing;

namespace UnpackBench.Agent.Tests.Sampling;

/// <summary>The counters read from directory trees shaped like real cgroupfs (files copied from a v2 and a v1 kernel).</summary>
public sealed class CgroupCountersTests : IDisposable
{
    private readonly TempDirectory _tree = new("cgroupfs");

    [Fact]
    public void V2_counters_come_from_cpu_stat_memory_current_pids_current_and_io_stat()
    {
        var directory = _tree.CreateSubdirectory("v2");
        Write(directory, "cpu.stat", "usage_usec 2500000\nuser_usec 1500000\nsystem_usec 1000000\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n");
        Write(directory, "memory.current", "209715200\n");
        Write(directory, "memory.stat", "anon 52428800\nfile 157286400\ninactive_file 104857600\nactive_file 52428800\n");
        Write(directory, "pids.current", "37\n");
        Write(directory, "io.stat", "8:0 rbytes=1048576 wbytes=4194304 rios=10 wios=40 dbytes=0 dios=0\n253:0 rbytes=1024 wbytes=0 rios=1 wios=0 dbytes=0 dios=0\n");
        var counters = new CgroupV2Counters(directory, CgroupFileSystem.Read);

        var reading = counters.Read();

        Assert.Equal(2_500_000_000, reading.CpuTotalNanoseconds);
        Assert.Equal(1_500_000_000, reading.CpuUserNanoseconds);
        Assert.Equal(1_000_000_000, reading.CpuSystemNanoseconds);
        Assert.Equal(209_715_200, reading.MemoryBytes);
        Assert.Equal(37, reading.Pids);
        Assert.Equal(1_048_576 + 1024, reading.IoReadBytes);
        Assert.Equal(4_194_304, reading.IoWriteBytes);
        // 200 MiB charged, 100 MiB of it inactive page cache: 100 MiB working set, as docker stats shows.
        Assert.Equal(104_857_600, counters.WorkingSetBytes());
        Assert.Equal((2_500_000_000, 104_857_600, 37), counters.Sample());
        File.WriteAllText(Path.Combine(directory, "pids.current"), "38\n");
        Assert.Equal(38, counters.Sample().Pids);
        counters.Dispose();
    }

    [Fact]
    public void V2_without_memory_peak_support_reports_no_reset_and_no_peak()
    {
        var directory = _tree.CreateSubdirectory("v2-old-kernel");
        Write(directory, "cpu.stat", "usage_usec 1\n");
        var counters = new CgroupV2Counters(directory, CgroupFileSystem.Read);

        Assert.False(counters.ResetMemoryPeak());
        Assert.Null(counters.MemoryPeakBytes());
        Assert.Null(counters.Read().MemoryBytes);
        Assert.Null(counters.Read().Pids);
    }

    [Fact]
    public void V1_counters_come_from_cpuacct_memory_pids_and_blkio_hierarchies()
    {
        var cpu = _tree.CreateSubdirectory("v1/cpu,cpuacct/c");
        var memory = _tree.CreateSubdirectory("v1/memory/c");
        var pids = _tree.CreateSubdirectory("v1/pids/c");
        var blkio = _tree.CreateSubdirectory("v1/blkio/c");
        Write(cpu, "cpuacct.usage", "3000000000\n");
        Write(cpu, "cpuacct.usage_user", "2000000000\n");
        Write(cpu, "cpuacct.usage_sys", "1000000000\n");
        Write(memory, "memory.usage_in_bytes", "314572800\n");
        Write(memory, "memory.max_usage_in_bytes", "419430400\n");
        Write(memory, "memory.stat", "cache 209715200\nrss 104857600\ntotal_inactive_file 157286400\ntotal_active_file 52428800\n");
        Write(pids, "pids.current", "12\n");
        Write(blkio, "blkio.throttle.io_service_bytes_recursive", "8:0 Read 4096\n8:0 Write 8192\n8:0 Sync 0\n8:0 Async 12288\n8:0 Total 12288\n8:16 Read 1\n8:16 Write 2\n8:16 Total 3\nTotal 12291\n");
        var hierarchy = new CgroupHierarchy(CgroupVersion.V1, new Dictionary<string, string> { ["cpuacct"] = cpu, ["memory"] = memory, ["pids"] = pids, ["blkio"] = blkio });
        var writes = new List<(string, string)>();
        var counters = new CgroupV1Counters(hierarchy, CgroupFileSystem.Read, (path, value) => { writes.Add((path, value)); return true; });

        var reading = counters.Read();

        Assert.Equal(3_000_000_000, reading.CpuTotalNanoseconds);
        Assert.Equal(2_000_000_000, reading.CpuUserNanoseconds);
        Assert.Equal(1_000_000_000, reading.CpuSystemNanoseconds);
        Assert.Equal(314_572_800, reading.MemoryBytes);
        Assert.Equal(12, reading.Pids);
        Assert.Equal(4097, reading.IoReadBytes);
        Assert.Equal(8194, reading.IoWriteBytes);
        Assert.Equal(419_430_400, counters.MemoryPeakBytes());
        // 300 MiB charged minus 150 MiB inactive file cache.
        Assert.Equal(157_286_400, counters.WorkingSetBytes());
        Assert.Equal((3_000_000_000, 157_286_400, 12), counters.Sample());
        Assert.True(counters.ResetMemoryPeak());
        Assert.Equal([(Path.Combine(memory, "memory.max_usage_in_bytes"), "0")], writes);
    }

    [Fact]
    public void V1_with_only_some_controllers_leaves_the_others_null()
    {
        var cpu = _tree.CreateSubdirectory("v1-partial/cpuacct");
        Write(cpu, "cpuacct.usage", "5\n");
        var counters = new CgroupV1Counters(new CgroupHierarchy(CgroupVersion.V1, new Dictionary<string, string> { ["cpuacct"] = cpu }), CgroupFileSystem.Read, (_, _) => false);

        var reading = counters.Read();

        Assert.Equal(5, reading.CpuTotalNanoseconds);
        Assert.Null(reading.MemoryBytes);
        Assert.Null(reading.Pids);
        Assert.Null(reading.IoReadBytes);
        Assert.False(counters.ResetMemoryPeak());
        Assert.Null(counters.WorkingSetBytes());
        Assert.Equal((5, null, null), counters.Sample());
    }

    private static void Write(string directory, string name, string content) => File.WriteAllText(Path.Combine(directory, name), content);

    public void Dispose() => _tree.Dispose();
}
