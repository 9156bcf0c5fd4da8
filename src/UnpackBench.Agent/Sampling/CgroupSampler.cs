using System.Diagnostics;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Sampling;

/// <summary>
/// Samples a cgroup on its own thread at a fixed interval (CPU %, working-set memory, PIDs) while a
/// window is open. Samples are scheduled against absolute times (the k-th at k × interval or later),
/// so a slow read does not make the series drift, and a late one skips the slots it missed; CPU % is
/// the counter delta over the real time between two samples.
/// </summary>
internal sealed class CgroupSampler : IDisposable
{
    private readonly ICgroupCounters _counters;
    private readonly TimeSpan _interval;
    private readonly List<MetricsSample> _samples = [];
    private readonly ManualResetEventSlim _stop = new(false);
    private readonly Stopwatch _clock = new();
    private Thread? _thread;
    private long _lastCpu;
    private TimeSpan _lastTime;
    private TimeSpan _ownCpu;

    /// <summary>Creates a sampler; nothing runs until <see cref="Start"/>.</summary>
    public CgroupSampler(ICgroupCounters counters, TimeSpan interval)
    {
        _counters = counters;
        _interval = interval;
    }

    /// <summary>Starts sampling; time zero is now.</summary>
    public void Start()
    {
        _clock.Restart();
        _lastCpu = _counters.Sample().CpuNanoseconds ?? 0;
        _lastTime = TimeSpan.Zero;
        _thread = new Thread(Loop) { IsBackground = true, Name = "cgroup sampler" };
        _thread.Start();
    }

    /// <summary>CPU time the sampling thread itself used while the window was open.</summary>
    public TimeSpan OwnCpuTime => _ownCpu;

    /// <summary>Stops sampling, takes a last sample, and returns the series.</summary>
    public IReadOnlyList<MetricsSample> Stop()
    {
        _stop.Set();
        _thread?.Join();
        Sample();
        return _samples;
    }

    /// <inheritdoc />
    public void Dispose() => _stop.Dispose();

    private void Loop()
    {
        SamplerPriority.RaiseForCurrentThread();
        var start = ThreadCpuClock.Now();
        for (var slot = 1L; ; slot = NextSlot(slot))
        {
            if (WaitUntil(_interval * slot))
            {
                _ownCpu = ThreadCpuClock.Now() - start;
                return;
            }

            Sample();
        }
    }

    // A wake-up that comes late skips the slots it missed rather than sampling them back to back:
    // bunched samples would each measure CPU % over a sliver of time.
    private long NextSlot(long slot) => Math.Max(slot + 1, (long)(_clock.Elapsed / _interval) + 1);

    // Never early: a timed wait may end a little before its time (it counts whole milliseconds), so the
    // k-th sample is never taken before k × interval. True when the sampler was stopped.
    private bool WaitUntil(TimeSpan due)
    {
        for (var left = due - _clock.Elapsed; left > TimeSpan.Zero; left = due - _clock.Elapsed)
        {
            if (_stop.Wait(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds))))
            {
                return true;
            }
        }

        return _stop.IsSet;
    }

    private void Sample()
    {
        var now = _clock.Elapsed;
        var (cpuNanoseconds, workingSet, pids) = _counters.Sample();
        var elapsed = now - _lastTime;
        double? cpu = cpuNanoseconds is { } total && elapsed > TimeSpan.Zero
            ? Math.Max(0, total - _lastCpu) / (elapsed.TotalMilliseconds * 1e6) * 100
            : null;
        _lastCpu = cpuNanoseconds ?? _lastCpu;
        _lastTime = now;
        _samples.Add(new MetricsSample
        {
            T = now.TotalSeconds,
            CpuPercent = cpu,
            MemoryMb = workingSet is { } bytes ? bytes / 1048576.0 : null,
            Pids = pids,
        });
    }
}
