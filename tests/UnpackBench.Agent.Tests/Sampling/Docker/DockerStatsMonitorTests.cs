using UnpackBench.Agent.Sampling.Docker;

namespace UnpackBench.Agent.Tests.Sampling.Docker;

/// <summary>
/// The Docker stats source against a real dockerd: a busy-loop container and an idle one measured side
/// by side over one window (see <see cref="DockerStatsWindowHost"/>).
/// </summary>
public sealed class DockerStatsMonitorTests(DockerStatsWindowHost host) : IClassFixture<DockerStatsWindowHost>
{
    // Docker reads the container's cgroup when its stats collector ticks (once a second on older
    // daemons, which then answer a request at the next tick), so the totals run from the reading the
    // opening request got to the one the closing request got. Each reading is taken after its request
    // went out and before its answer came back, so the CPU counted lies between what the busy process
    // itself spent from when opening returned to when closing was asked for (Inner) and from when
    // opening was asked for to when closing returned (Outer), however much CPU the scheduler gave it.
    // Slack: /proc counts in 10 ms ticks, the cgroup counter trails a running task by up to a tick, and
    // a request arriving between the collector's read and its publish gets that slightly older reading.
    private const double CpuSlackSeconds = 0.1;

    [Fact]
    public void The_busy_containers_cpu_is_what_its_process_spent_over_the_window()
    {
        var truth = host.BusyProcessCpu;
        Assert.True(truth.Inner > 2 * CpuSlackSeconds, $"the busy loop got {truth.Inner:0.000} CPU s over a {host.Window.TotalSeconds:0.00} s window, too little for the comparison to mean anything");

        Assert.NotNull(host.Busy.CpuSeconds);
        Assert.InRange(host.Busy.CpuSeconds.Value, truth.Inner - CpuSlackSeconds, truth.Outer + CpuSlackSeconds);
        Assert.True(host.Busy.CpuUserSeconds > host.Busy.CpuSystemSeconds, $"a shell loop runs in user mode: user {host.Busy.CpuUserSeconds} s, kernel {host.Busy.CpuSystemSeconds} s");
    }

    // Each point's CPU % covers the time since the reading before it, so the points, each weighted by
    // the time it covers, add up to the CPU the totals count (checked against the process above). A point
    // is stamped when its answer arrived rather than when the daemon read the counters; a shell loop
    // runs on at most one core, so a stamp up to 0.1 s off its reading moves the sum by at most 0.1 CPU s.
    private const double StampSlackSeconds = 0.1;

    [Fact]
    public void Every_point_of_the_busy_loop_has_its_cpu_and_the_points_add_up_to_the_cpu_counted()
    {
        Assert.NotNull(host.Busy.CpuSeconds);
        var points = host.Busy.Series;
        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.InRange(p.CpuPercent ?? double.NaN, 0, 100 * Environment.ProcessorCount));

        var sum = points.Select((p, i) => p.CpuPercent!.Value / 100 * (p.T - (i == 0 ? 0 : points[i - 1].T))).Sum();
        var slack = StampSlackSeconds * (points.Count + 1);
        Assert.True(
            Math.Abs(sum - host.Busy.CpuSeconds.Value) <= slack,
            $"the points add up to {sum:0.000} CPU s, the totals count {host.Busy.CpuSeconds:0.000} s; points (s, %): {string.Join("; ", points.Select(p => $"{p.T:0.000} {p.CpuPercent:0.0}"))}");
    }

    [Fact]
    public void An_idle_container_measured_alongside_spends_far_less_cpu()
    {
        Assert.NotNull(host.Idle.CpuSeconds);
        Assert.True(host.Idle.CpuSeconds < 0.1 * host.Busy.CpuSeconds, $"idle {host.Idle.CpuSeconds} CPU s, busy {host.Busy.CpuSeconds} CPU s");
    }

    [Fact]
    public void Every_point_has_memory_and_pids()
    {
        Assert.NotEmpty(host.Busy.Series);
        Assert.All(host.Busy.Series, point =>
        {
            Assert.True(point.MemoryMb > 0, $"memory {point.MemoryMb} MiB at {point.T:0.000} s");
            Assert.True(point.Pids >= 1, $"pids {point.Pids} at {point.T:0.000} s");
        });
    }

    [Fact]
    public void Points_are_spaced_by_the_interval_or_by_the_daemons_own_pace()
    {
        var expected = host.ExpectedSpacing.TotalSeconds;
        var times = host.Busy.Series.Select(p => p.T).ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).Order().ToList();
        var minimum = (int)(0.7 * host.Window.TotalSeconds / expected);

        Assert.True(host.Busy.SampleCount >= Math.Max(minimum, 3), $"{host.Busy.SampleCount} samples in {host.Window.TotalSeconds:0.00} s at ~{expected:0.000} s");
        Assert.InRange(gaps[gaps.Count / 2], 0.5 * expected, 1.6 * expected);
        Assert.InRange(gaps.Average(), 0.5 * expected, 1.6 * expected);
        Assert.InRange(host.Busy.SampleIntervalMs, 0.5 * expected * 1000, 1.6 * expected * 1000);
    }

    [Fact]
    public void Totals_span_the_window_and_the_source_says_docker()
    {
        Assert.Equal("docker", host.Busy.Source);
        Assert.Equal(host.Busy.SampleCount, host.Busy.Series.Count);
        Assert.True(host.Busy.IoReadBytes >= 0 && host.Busy.IoWriteBytes >= 0, $"I/O {host.Busy.IoReadBytes} / {host.Busy.IoWriteBytes}");
        if (host.Busy.MemoryMaxUsageMb is not null)
        {
            Assert.Equal("high_water_mark", host.Busy.MemoryMaxUsageKind);
            Assert.True(host.Busy.MemoryMaxUsageMb >= host.Busy.Series.Max(p => p.MemoryMb));
        }
    }

    [Fact]
    public void Notes_say_the_whole_container_is_measured()
    {
        Assert.Contains(host.BusyNotes, note => note.Contains("whole container, the agent included", StringComparison.Ordinal));
        Assert.Contains(host.BusyNotes, note => note.Contains(host.BusyId[..12], StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_container_id_is_refused_with_a_reason()
    {
        var unknown = new string('0', 64);

        var (monitor, reason) = await DockerStatsMonitor.TryCreateAsync(new DockerEnvironment(host.Docker.DockerHost, unknown), DockerStatsWindowHost.Interval, CancellationToken.None);

        Assert.Null(monitor);
        Assert.Contains($"has no container {unknown[..12]}", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_containers_own_proc_files_name_its_id()
    {
        var pid = await host.Docker.Api.InitPidAsync(host.BusyId, CancellationToken.None);

        var found = OwnContainerId.Find(await File.ReadAllTextAsync($"/proc/{pid}/mountinfo"), await File.ReadAllTextAsync($"/proc/{pid}/cgroup"));

        Assert.Equal(host.BusyId, found);
    }
}
