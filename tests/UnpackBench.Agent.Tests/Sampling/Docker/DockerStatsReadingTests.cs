using Docker.DotNet.Models;
using Newtonsoft.Json;
using UnpackBench.Agent.Sampling.Docker;

namespace UnpackBench.Agent.Tests.Sampling.Docker;

/// <summary>
/// The figures taken from Docker's stats answers, checked against values worked out by hand. The JSON is
/// shaped like the Engine API's <c>GET /containers/{id}/stats?stream=false&amp;one-shot=true</c>, which
/// Docker.DotNet parses with Newtonsoft.Json as here.
/// </summary>
public sealed class DockerStatsReadingTests
{
    private const ulong Mib = 1048576;

    [Fact]
    public void A_cgroup_v1_answer_gives_every_figure()
    {
        var reading = Parse(CgroupV1("2026-03-02T10:00:00.1Z", totalUsage: 1_100_000_000, system: 5_000_200_000_000));

        Assert.Equal(1_100_000_000UL, reading.CpuTotalNanoseconds);
        Assert.Equal(1_050_000_000UL, reading.CpuUserNanoseconds);
        Assert.Equal(40_000_000UL, reading.CpuKernelNanoseconds);
        Assert.Equal(2U, reading.OnlineCpus);
        Assert.Equal(8 * Mib, reading.MemoryWorkingSetBytes); // usage 10 MiB - total_inactive_file 2 MiB
        Assert.Equal(16 * Mib, reading.MemoryMaxUsageBytes);  // max_usage
        Assert.Equal(3, reading.Pids);
        Assert.Equal(4096 + 8192, reading.IoReadBytes);        // "Read" on 8:0 and 8:16; Sync/Async/Total not counted
        Assert.Equal(1024, reading.IoWriteBytes);
    }

    [Fact]
    public void A_cgroup_v2_answer_has_no_high_water_mark()
    {
        var reading = Parse(CgroupV2("2026-03-02T10:00:01Z", totalUsage: 3_000_000_000, system: 8_004_000_000_000));

        Assert.Equal(40 * Mib, reading.MemoryWorkingSetBytes); // usage 50 MiB - inactive_file 10 MiB
        Assert.Null(reading.MemoryMaxUsageBytes);
        Assert.Equal(4U, reading.OnlineCpus);
        Assert.Equal(5, reading.Pids);
        Assert.Equal(65536, reading.IoReadBytes);              // lower-case "read" on 259:0
        Assert.Equal(4096 + 12288, reading.IoWriteBytes);       // "write" on 259:0 and 259:1
    }

    // Pairs of readings (previous, current) and the CPU % the docker CLI would show for them.
    private static readonly Dictionary<string, (string Previous, string Current, double Percent)> CpuCases = new()
    {
        // Δcpu 0.1e9 ns, Δsystem 0.2e9 ns (0.1 s × 2 CPUs): 0.1e9 / 0.2e9 × 2 × 100 = 100 %.
        ["cgroup v1: one core of two"] = (CgroupV1("2026-03-02T10:00:00Z", 1_000_000_000, 5_000_000_000_000), CgroupV1("2026-03-02T10:00:00.1Z", 1_100_000_000, 5_000_200_000_000), 100),
        // Δcpu 2e9 ns, Δsystem 4e9 ns (1 s × 4 CPUs): 2e9 / 4e9 × 4 × 100 = 200 %.
        ["cgroup v2: two cores of four"] = (CgroupV2("2026-03-02T10:00:00Z", 1_000_000_000, 8_000_000_000_000), CgroupV2("2026-03-02T10:00:01Z", 3_000_000_000, 8_004_000_000_000), 200),
        // No online_cpus: the CLI counts percpu_usage (2). Δcpu 0.05e9, Δsystem 0.2e9: 0.05 / 0.2 × 2 × 100 = 50 %.
        ["no online_cpus: the per-CPU list counts"] = (NoOnlineCpus("2026-03-02T10:00:00Z", 0, 1_000_000_000), NoOnlineCpus("2026-03-02T10:00:00.1Z", 50_000_000, 1_200_000_000), 50),
        // Same host clock tick (Δsystem 0): Δcpu 0.05e9 ns over the 0.1 s between the reads = 50 %.
        ["no host delta: the time between reads"] = (CgroupV1("2026-03-02T10:00:00Z", 1_000_000_000, 5_000_000_000_000), CgroupV1("2026-03-02T10:00:00.1Z", 1_050_000_000, 5_000_000_000_000), 50),
        // No CPU used: 0 %, as the CLI shows an idle container.
        ["idle"] = (CgroupV1("2026-03-02T10:00:00Z", 1_000_000_000, 5_000_000_000_000), CgroupV1("2026-03-02T10:00:01Z", 1_000_000_000, 5_000_002_000_000), 0),
    };

    public static TheoryData<string> CpuCaseNames => [.. CpuCases.Keys];

    [Theory]
    [MemberData(nameof(CpuCaseNames))]
    public void Cpu_percent_is_computed_as_docker_stats_does(string situation)
    {
        var (previous, current, expected) = CpuCases[situation];

        var percent = Parse(current).CpuPercentSince(Parse(previous));

        Assert.NotNull(percent);
        Assert.Equal(expected, percent.Value, precision: 6);
    }

    [Fact]
    public void The_same_reading_twice_gives_no_cpu_percent()
    {
        var reading = Parse(CgroupV1("2026-03-02T10:00:00Z", 1_000_000_000, 5_000_000_000_000));

        Assert.Null(reading.CpuPercentSince(reading));
    }

    [Fact]
    public void Inactive_file_at_or_above_usage_leaves_usage_as_it_is()
    {
        // usage 1 MiB, total_inactive_file 2 MiB: the CLI subtracts only a smaller value.
        var reading = Parse(CgroupV1("2026-03-02T10:00:00Z", 1, 1, memoryUsage: 1 * Mib));

        Assert.Equal(1 * Mib, reading.MemoryWorkingSetBytes);
    }

    [Fact]
    public void A_stopped_container_gives_no_reading()
    {
        // What Docker answers for a container that is not running: names and zero times only.
        const string Stopped = """
            {"read":"0001-01-01T00:00:00Z","preread":"0001-01-01T00:00:00Z","pids_stats":{},"blkio_stats":{"io_service_bytes_recursive":null},
             "num_procs":0,"storage_stats":{},"cpu_stats":{"cpu_usage":{"total_usage":0,"usage_in_kernelmode":0,"usage_in_usermode":0},"throttling_data":{"periods":0,"throttled_periods":0,"throttled_time":0}},
             "precpu_stats":{"cpu_usage":{"total_usage":0,"usage_in_kernelmode":0,"usage_in_usermode":0},"throttling_data":{"periods":0,"throttled_periods":0,"throttled_time":0}},
             "memory_stats":{},"name":"/stopped","id":"5b2c8a1f0e3d4c7b9a6f2e1d0c3b5a7f9e8d6c4b2a0f1e3d5c7b9a8f6e4d2c0b"}
            """;

        Assert.Null(DockerStatsReading.From(JsonConvert.DeserializeObject<ContainerStatsResponse>(Stopped)!));
    }

    private static DockerStatsReading Parse(string json) =>
        DockerStatsReading.From(JsonConvert.DeserializeObject<ContainerStatsResponse>(json)!) ?? throw new InvalidOperationException("no reading");

    // A one-shot answer from Docker 20.10 on cgroup v1: precpu_stats empty, memory.stat keys with total_* twins.
    private static string CgroupV1(string read, ulong totalUsage, ulong system, ulong memoryUsage = 10 * Mib) => $$$"""
        {"read":"{{{read}}}","preread":"0001-01-01T00:00:00Z",
         "pids_stats":{"current":3},
         "blkio_stats":{"io_service_bytes_recursive":[
           {"major":8,"minor":0,"op":"Read","value":4096},{"major":8,"minor":0,"op":"Write","value":1024},
           {"major":8,"minor":0,"op":"Sync","value":5120},{"major":8,"minor":0,"op":"Async","value":0},
           {"major":8,"minor":0,"op":"Discard","value":0},{"major":8,"minor":0,"op":"Total","value":5120},
           {"major":8,"minor":16,"op":"Read","value":8192},{"major":8,"minor":16,"op":"Write","value":0},
           {"major":8,"minor":16,"op":"Total","value":8192}],
           "io_serviced_recursive":[],"io_queue_recursive":[],"io_service_time_recursive":[],"io_wait_time_recursive":[],
           "io_merged_recursive":[],"io_time_recursive":[],"sectors_recursive":[]},
         "num_procs":0,"storage_stats":{},
         "cpu_stats":{"cpu_usage":{"total_usage":{{{totalUsage}}},"percpu_usage":[35395360,{{{totalUsage}}}],
           "usage_in_kernelmode":40000000,"usage_in_usermode":1050000000},
           "system_cpu_usage":{{{system}}},"online_cpus":2,"throttling_data":{"periods":0,"throttled_periods":0,"throttled_time":0}},
         "precpu_stats":{"cpu_usage":{"total_usage":0,"usage_in_kernelmode":0,"usage_in_usermode":0},"throttling_data":{"periods":0,"throttled_periods":0,"throttled_time":0}},
         "memory_stats":{"usage":{{{memoryUsage}}},"max_usage":16777216,
           "stats":{"active_anon":4096,"active_file":1048576,"cache":3145728,"dirty":0,"hierarchical_memory_limit":9223372036854771712,
             "inactive_anon":53248,"inactive_file":2097152,"mapped_file":0,"pgfault":1153,"pgmajfault":0,"rss":57344,
             "total_active_anon":4096,"total_active_file":1048576,"total_cache":3145728,"total_inactive_anon":53248,
             "total_inactive_file":2097152,"total_rss":57344,"unevictable":0,"writeback":0},
           "limit":25276514304},
         "name":"/unpackbench","id":"470f07d118ab578b935c5a3146c67a7f105b092f33bb6c078a7b7e0f9585ee92"}
        """;

    // A one-shot answer from Docker 24 on cgroup v2: no max_usage, no percpu_usage, lower-case blkio operations.
    private static string CgroupV2(string read, ulong totalUsage, ulong system) => $$$"""
        {"read":"{{{read}}}","preread":"0001-01-01T00:00:00Z",
         "pids_stats":{"current":5,"limit":38019},
         "blkio_stats":{"io_service_bytes_recursive":[
           {"major":259,"minor":0,"op":"read","value":65536},{"major":259,"minor":0,"op":"write","value":4096},
           {"major":259,"minor":1,"op":"read","value":0},{"major":259,"minor":1,"op":"write","value":12288}],
           "io_serviced_recursive":null,"io_queue_recursive":null,"io_service_time_recursive":null,"io_wait_time_recursive":null,
           "io_merged_recursive":null,"io_time_recursive":null,"sectors_recursive":null},
         "num_procs":0,"storage_stats":{},
         "cpu_stats":{"cpu_usage":{"total_usage":{{{totalUsage}}},"usage_in_kernelmode":120000000,"usage_in_usermode":2880000000},
           "system_cpu_usage":{{{system}}},"online_cpus":4,"throttling_data":{"periods":0,"throttled_periods":0,"throttled_time":0}},
         "precpu_stats":{"cpu_usage":{"total_usage":0,"usage_in_kernelmode":0,"usage_in_usermode":0},"throttling_data":{"periods":0,"throttled_periods":0,"throttled_time":0}},
         "memory_stats":{"usage":52428800,
           "stats":{"active_anon":20480,"active_file":8388608,"anon":31457280,"anon_thp":0,"file":18874368,"file_dirty":0,
             "file_mapped":2097152,"file_writeback":0,"inactive_anon":31436800,"inactive_file":10485760,"kernel_stack":49152,
             "pgfault":10305,"pgmajfault":3,"shmem":0,"slab":1048576,"sock":0,"unevictable":0,"workingset_refault_file":0},
           "limit":16663117824},
         "name":"/unpackbench","id":"9c1f3a5e7b2d4c6a8e0f1b3d5a7c9e2f4b6d8a0c2e4f6b8d0a2c4e6f8b0d2a4c"}
        """;

    // An answer without online_cpus (older daemons): the CLI falls back to the length of percpu_usage.
    private static string NoOnlineCpus(string read, ulong totalUsage, ulong system) => $$$"""
        {"read":"{{{read}}}",
         "cpu_stats":{"cpu_usage":{"total_usage":{{{totalUsage}}},"percpu_usage":[{{{totalUsage}}},0],"usage_in_kernelmode":0,"usage_in_usermode":{{{totalUsage}}}},
           "system_cpu_usage":{{{system}}}},
         "memory_stats":{"usage":1048576,"stats":{"cache":0}},
         "name":"/old","id":"1d3f5b7a9c2e4f6b8d0a1c3e5f7b9d2a4c6e8f0b1d3f5a7c9e2b4d6f8a0c1e3f"}
        """;
}
