using UnpackBench.Agent.Sampling.Docker;

namespace UnpackBench.Agent.Tests.Sampling.Docker;

/// <summary>
/// The Docker stats source against a real dockerd: a busy-loop container and an idle one measured side
/// by side over one window (see <see cref="DockerStatsWindowHost"/>).
/// </summary>
public sealed class DockerStatsMonitorTests(DockerStatsWindowHost host) : IClassFixture<DockerStatsWindowHost>
{
    [Fact]
    public void A_busy_loop_spends_most_of_the_window_on_cpu()
    {
        Assert.NotNull(host.Busy.CpuSeconds);
        Assert.True(host.Busy.CpuSeconds > 0.5 * host.Window.TotalSeconds, $"{host.Busy.CpuSeconds} CPU s over a {host.Window.TotalSeconds:0.00} s window");
        Assert.True(host.Busy.CpuUserSeconds > host.Busy.CpuSystemSeconds, $"user {host.Busy.CpuUserSeconds} s, kernel {host.Busy.CpuSystemSeconds} s");
    }

    [Fact]
    public void A_busy_loop_shows_about_one_core_at_every_point()
    {
        var percents = host.Busy.Series.Select(p => p.CpuPercent ?? double.NaN).Order().ToList();
        Assert.NotEmpty(percents);
        Assert.InRange(percents[percents.Count / 2], 50, 250);
        var near = percents.Count(p => p is >= 50 and <= 250);
        Assert.True(near >= 0.8 * percents.Count, $"CPU % points: {string.Join(", ", percents.Select(p => p.ToString("0")))}");
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
