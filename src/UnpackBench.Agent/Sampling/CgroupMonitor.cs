using UnpackBench.Core.Results;
using UnpackBench.Core.Statistics;

namespace UnpackBench.Agent.Sampling;

/// <summary>
/// Measures containerd through its cgroup: exact totals from counter deltas over the window, the
/// kernel's memory peak (reset at the start where the kernel allows it), and a sampled series.
/// </summary>
internal sealed class CgroupMonitor : IResourceMonitor
{
    private const double BytesPerMib = 1048576.0;
    private readonly ICgroupCounters _counters;
    private readonly TimeSpan _interval;
    private readonly IDisposable? _owned;

    /// <summary>
    /// Creates the monitor; <paramref name="owned"/> (the cgroup the agent made) is disposed with it. Only
    /// a cgroup the agent owns has its memory peak reset: another one's counters are read, never changed.
    /// </summary>
    public CgroupMonitor(ICgroupCounters counters, TimeSpan interval, IReadOnlyList<string> notes, IDisposable? owned)
    {
        _counters = counters;
        _interval = interval;
        _owned = owned;
        Notes = notes;
    }

    /// <inheritdoc />
    public string Source => _counters.Version == CgroupVersion.V2 ? "cgroup-v2" : "cgroup-v1";

    /// <inheritdoc />
    public IReadOnlyList<string> Notes { get; }

    /// <inheritdoc />
    public Task<IMonitoredWindow> BeginAsync(CancellationToken cancellationToken)
    {
        var reset = _owned is not null && _counters.ResetMemoryPeak();
        var before = _counters.Read();
        var sampler = new CgroupSampler(_counters, _interval);
        sampler.Start();
        return Task.FromResult<IMonitoredWindow>(new Window(this, sampler, before, reset));
    }

    /// <inheritdoc />
    public long? FilePageBytes() => _counters.FileBytes();

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _counters.Dispose();
        _owned?.Dispose();
        return ValueTask.CompletedTask;
    }

    private RunMetrics Finish(IReadOnlyList<MetricsSample> samples, TimeSpan samplerCpu, CgroupReading before, bool peakReset)
    {
        var after = _counters.Read();
        var peak = _counters.MemoryPeakBytes();
        return new RunMetrics
        {
            Source = Source,
            CpuSeconds = Delta(before.CpuTotalNanoseconds, after.CpuTotalNanoseconds) / 1e9,
            CpuUserSeconds = Delta(before.CpuUserNanoseconds, after.CpuUserNanoseconds) / 1e9,
            CpuSystemSeconds = Delta(before.CpuSystemNanoseconds, after.CpuSystemNanoseconds) / 1e9,
            IoReadBytes = Delta(before.IoReadBytes, after.IoReadBytes),
            IoWriteBytes = Delta(before.IoWriteBytes, after.IoWriteBytes),
            MemoryMaxUsageMb = peak / BytesPerMib,
            MemoryMaxUsageKind = peak is null ? null : peakReset ? "window" : "high_water_mark",
            SampleIntervalMs = (int)_interval.TotalMilliseconds,
            SampleCount = samples.Count,
            SamplerCpuSeconds = samplerCpu.TotalSeconds,
            Series = SeriesDownsampler.Downsample(samples),
        };
    }

    private static long? Delta(long? from, long? to) => from is null || to is null ? null : Math.Max(0, to.Value - from.Value);

    private sealed class Window(CgroupMonitor monitor, CgroupSampler sampler, CgroupReading before, bool peakReset) : IMonitoredWindow
    {
        public Task<RunMetrics?> EndAsync(CancellationToken cancellationToken)
        {
            using (sampler)
            {
                var samples = sampler.Stop();
                return Task.FromResult<RunMetrics?>(monitor.Finish(samples, sampler.OwnCpuTime, before, peakReset));
            }
        }
    }
}
