using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using UnpackBench.Agent.Sampling.Docker;
using UnpackBench.Core.Results;
using UnpackBench.Testing.Docker;

namespace UnpackBench.Agent.Tests.Sampling.Docker;

/// <summary>
/// One measured window against a real dockerd, shared by the assertions about it: a busy-loop container
/// and an idle one, each measured by its own <see cref="DockerStatsMonitor"/> over the same window.
/// </summary>
public sealed class DockerStatsWindowHost : IAsyncLifetime
{
    /// <summary>The sampling interval asked for, as the original tool sampled.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private DockerdFixture? _docker;

    public DockerdFixture Docker => _docker ?? throw new InvalidOperationException("not started");

    public string BusyId { get; private set; } = "";

    public string IdleId { get; private set; } = "";

    /// <summary>
    /// How far apart the daemon's own timestamps of two back-to-back one-shot readings are, read here
    /// without the monitor: its stats collector's tick on daemons that answer only at ticks. A busy
    /// machine delays answers, not the collector's timestamps.
    /// </summary>
    public TimeSpan DaemonPace { get; private set; }

    /// <summary>The spacing points can have: the interval, or the daemon's pace when it answers slower.</summary>
    public TimeSpan ExpectedSpacing => DaemonPace > Interval && DaemonPace > TimeSpan.FromMilliseconds(300) ? DaemonPace : Interval;

    /// <summary>The window as the caller timed it (BeginAsync returned → EndAsync called).</summary>
    public TimeSpan Window { get; private set; }

    /// <summary>
    /// The ground truth for the busy container: the CPU time its one process (the shell's loop, pid 1
    /// in the container) reports in <c>/proc/PID/stat</c>, read just before and just after the monitors
    /// begin, and just before and just after they end.
    /// </summary>
    public ProcessCpuReadings BusyProcessCpu { get; private set; } = null!;

    internal RunMetrics Busy { get; private set; } = null!;

    internal RunMetrics Idle { get; private set; } = null!;

    internal IReadOnlyList<string> BusyNotes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _docker = await DockerdFixture.StartAsync();
        BusyId = await Docker.RunAsync("sh", "-c", "while :; do :; done");
        IdleId = await Docker.RunAsync("sleep", "1000");
        DaemonPace = await ReadingSpacingAsync(BusyId);

        var creations = await Task.WhenAll(
            DockerStatsMonitor.TryCreateAsync(new DockerEnvironment(Docker.DockerHost, BusyId), Interval, CancellationToken.None),
            DockerStatsMonitor.TryCreateAsync(new DockerEnvironment(Docker.DockerHost, IdleId), Interval, CancellationToken.None));
        await using var busy = creations[0].Monitor ?? throw new InvalidOperationException(creations[0].Reason);
        await using var idle = creations[1].Monitor ?? throw new InvalidOperationException(creations[1].Reason);
        BusyNotes = busy.Notes;
        var busyProcess = new ProcessCpuClock(await Docker.Api.InitPidAsync(BusyId, CancellationToken.None));

        // Long enough for a handful of points even when the daemon sets a one-second pace.
        var length = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1.5).Ticks, ExpectedSpacing.Ticks * 9 / 2));
        var beforeBegin = busyProcess.Seconds();
        var windows = await Task.WhenAll(busy.BeginAsync(CancellationToken.None), idle.BeginAsync(CancellationToken.None));
        var afterBegin = busyProcess.Seconds();
        var clock = Stopwatch.StartNew();
        await Task.Delay(length);
        Window = clock.Elapsed;
        var beforeEnd = busyProcess.Seconds();
        var results = await Task.WhenAll(windows[0].EndAsync(CancellationToken.None), windows[1].EndAsync(CancellationToken.None));
        BusyProcessCpu = new ProcessCpuReadings(beforeBegin, afterBegin, beforeEnd, busyProcess.Seconds());
        Busy = results[0] ?? throw new InvalidOperationException("the busy container's window measured nothing");
        Idle = results[1] ?? throw new InvalidOperationException("the idle container's window measured nothing");
    }

    public async Task DisposeAsync()
    {
        if (_docker is not null)
        {
            await _docker.DisposeAsync();
        }
    }

    private async Task<TimeSpan> ReadingSpacingAsync(string id)
    {
        using var configuration = new DockerClientConfiguration(new Uri(Docker.DockerHost));
        using var client = configuration.CreateClient();
        var parameters = new ContainerStatsParameters { Stream = false, OneShot = true };
        var readings = new List<DateTime>();
        await client.Containers.GetContainerStatsAsync(id, parameters, new SynchronousProgress(readings), CancellationToken.None);
        await client.Containers.GetContainerStatsAsync(id, parameters, new SynchronousProgress(readings), CancellationToken.None);
        return readings[1] - readings[0];
    }

    // Progress<T> reports on the thread pool, possibly after the call returned; this records at once.
    private sealed class SynchronousProgress(List<DateTime> readings) : IProgress<ContainerStatsResponse>
    {
        public void Report(ContainerStatsResponse value) => readings.Add(value.Read);
    }
}
