using System.Globalization;
using Docker.DotNet;
using UnpackBench.Core.Results;
using UnpackBench.Core.Statistics;

namespace UnpackBench.Agent.Sampling.Docker;

/// <summary>
/// Measures the agent's own container through Docker's stats API (<c>--stats-source docker</c>), as the
/// original tool did: totals are deltas between a reading at the start of the window and one at its
/// end; the series polls one-shot readings at the interval. It measures the whole container, the agent
/// included, not containerd alone.
/// </summary>
internal sealed class DockerStatsMonitor : IResourceMonitor
{
    private const double BytesPerMib = 1048576.0;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private readonly IDockerStatsReader _reader;
    private readonly TimeSpan _interval;
    private readonly bool _daemonPaced;
    private readonly IDisposable? _owned;

    /// <summary>Creates a monitor over <paramref name="reader"/>; <paramref name="owned"/> (the Docker client) is disposed with it.</summary>
    public DockerStatsMonitor(IDockerStatsReader reader, TimeSpan interval, bool daemonPaced, IReadOnlyList<string> notes, IDisposable? owned)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _reader = reader;
        _interval = interval;
        _daemonPaced = daemonPaced;
        _owned = owned;
        Notes = notes;
    }

    /// <inheritdoc />
    public string Source => "docker";

    /// <inheritdoc />
    public IReadOnlyList<string> Notes { get; }

    /// <summary>
    /// Connects to Docker as <paramref name="environment"/> says and checks it can measure the container.
    /// Returns the monitor, or null and a sentence saying why the Docker source cannot be used here.
    /// </summary>
    public static async Task<(DockerStatsMonitor? Monitor, string? Reason)> TryCreateAsync(
        DockerEnvironment environment, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (environment.ContainerId is not { } containerId)
        {
            return (null, "the agent is not running in a Docker container (no container id in /proc/self/mountinfo or /proc/self/cgroup), and the docker source measures the agent's own container");
        }

        var (endpoint, reason) = DockerEndpoint.Resolve(environment.DockerHost);
        if (endpoint is null)
        {
            return (null, reason);
        }

        if (await endpoint.CheckConnectsAsync(ConnectTimeout, cancellationToken) is { } unreachable)
        {
            return (null, unreachable);
        }

        var configuration = new DockerClientConfiguration(endpoint.Uri, null, ReadTimeout);
        var client = new Owned(configuration.CreateClient(), configuration);
        try
        {
            var (probe, problem) = await DockerStatsProbe.RunAsync(client.Client, endpoint, containerId, cancellationToken);
            if (probe is null)
            {
                client.Dispose();
                return (null, problem);
            }

            var paced = probe.IsSlowerThan(interval);
            var reader = new DockerStatsClient(client.Client, containerId, ReadTimeout);
            return (new DockerStatsMonitor(reader, interval, paced, NotesFor(probe, containerId, interval, paced), client), null);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IMonitoredWindow> BeginAsync(CancellationToken cancellationToken)
    {
        DockerStatsReading? first;
        try
        {
            first = await _reader.ReadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            first = null;
        }

        if (first is null)
        {
            return new NothingMeasured();
        }

        var sampler = new DockerStatsSampler(_reader, _interval, first);
        sampler.Start();
        return new Window(this, sampler, first);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _owned?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static List<string> NotesFor(DockerStatsProbe probe, string containerId, TimeSpan interval, bool paced)
    {
        var notes = new List<string>
        {
            $"resource figures are Docker's stats of the agent's container {containerId[..Math.Min(12, containerId.Length)]} (Docker {probe.DaemonVersion}): "
                + "they measure the whole container, the agent included, as the original tool did, not containerd alone",
        };
        if (paced)
        {
            notes.Add($"this Docker daemon answers a stats request only at its stats collector's next tick (two back-to-back requests got readings {probe.ReadingSpacing.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s apart; "
                + $"newer Docker releases answer one-shot requests at once), so the series has about one point per tick instead of one per {interval.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms, "
                + "and each run's totals run to the first tick after its window closes");
        }

        notes.Add(probe.HasMemoryHighWaterMark
            ? "memory_max_usage_mb is the container's high-water mark since it started (cgroup v1 max_usage), not the run's own peak"
            : "Docker reports no memory high-water mark here (cgroup v2), so memory_max_usage_mb is null");
        return notes;
    }

    private RunMetrics Finish(IReadOnlyList<MetricsSample> samples, DockerStatsReading before, DockerStatsReading after, bool closed)
    {
        // Without a closing reading the totals would stop short of the window's end: better none.
        var totals = closed ? after : null;
        return new RunMetrics
        {
            Source = Source,
            CpuSeconds = Delta(before.CpuTotalNanoseconds, totals?.CpuTotalNanoseconds) / 1e9,
            CpuUserSeconds = Delta(before.CpuUserNanoseconds, totals?.CpuUserNanoseconds) / 1e9,
            CpuSystemSeconds = Delta(before.CpuKernelNanoseconds, totals?.CpuKernelNanoseconds) / 1e9,
            IoReadBytes = Delta(before.IoReadBytes, totals?.IoReadBytes),
            IoWriteBytes = Delta(before.IoWriteBytes, totals?.IoWriteBytes),
            MemoryMaxUsageMb = after.MemoryMaxUsageBytes / BytesPerMib,
            MemoryMaxUsageKind = after.MemoryMaxUsageBytes is null ? null : "high_water_mark",
            SampleIntervalMs = IntervalMilliseconds(samples),
            SampleCount = samples.Count,
            Series = SeriesDownsampler.Downsample(samples),
        };
    }

    // When the daemon sets the pace, the interval reported is the spacing the points really have.
    private int IntervalMilliseconds(IReadOnlyList<MetricsSample> samples)
    {
        var requested = (int)_interval.TotalMilliseconds;
        if (!_daemonPaced || samples.Count < 2)
        {
            return requested;
        }

        var gaps = samples.Zip(samples.Skip(1), (a, b) => b.T - a.T).Order().ToList();
        return Math.Max(requested, (int)Math.Round(gaps[gaps.Count / 2] * 1000));
    }

    private static double? Delta(ulong from, ulong? to) => to is null ? null : to.Value >= from ? to.Value - from : 0;

    private static long? Delta(long? from, long? to) => from is null || to is null ? null : Math.Max(0, to.Value - from.Value);

    private sealed class Window(DockerStatsMonitor monitor, DockerStatsSampler sampler, DockerStatsReading before) : IMonitoredWindow
    {
        public async Task<RunMetrics?> EndAsync(CancellationToken cancellationToken)
        {
            using (sampler)
            {
                var (samples, last, closed) = await sampler.StopAsync(cancellationToken);
                return monitor.Finish(samples, before, last, closed);
            }
        }
    }

    private sealed class NothingMeasured : IMonitoredWindow
    {
        public Task<RunMetrics?> EndAsync(CancellationToken cancellationToken) => Task.FromResult<RunMetrics?>(null);
    }

    private sealed class Owned(DockerClient client, DockerClientConfiguration configuration) : IDisposable
    {
        public DockerClient Client => client;

        public void Dispose()
        {
            client.Dispose();
            configuration.Dispose();
        }
    }
}
