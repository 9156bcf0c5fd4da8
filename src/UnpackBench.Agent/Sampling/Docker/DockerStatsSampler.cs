using System.Diagnostics;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Sampling.Docker;

/// <summary>
/// Polls a container's stats on a thread of its own while a window is open (as the cgroup sampler does,
/// so a busy thread pool cannot hold back when a request goes out). Requests are scheduled against absolute
/// times (k × interval from the start), one at a time: when the daemon takes longer than the interval
/// to answer, the next request goes out at once and the series simply has fewer points. A point's time
/// is when its answer arrived; its CPU % is measured from the previous reading.
/// </summary>
internal sealed class DockerStatsSampler : IDisposable
{
    private readonly IDockerStatsReader _reader;
    private readonly TimeSpan _interval;
    private readonly List<MetricsSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DockerStatsReading _last;
    private Thread? _thread;

    /// <summary>Creates a sampler whose first point is measured from <paramref name="first"/>; nothing runs until <see cref="Start"/>.</summary>
    public DockerStatsSampler(IDockerStatsReader reader, TimeSpan interval, DockerStatsReading first)
    {
        _reader = reader;
        _interval = interval;
        _last = first;
    }

    /// <summary>Starts sampling; time zero is now.</summary>
    public void Start()
    {
        _clock.Restart();
        _thread = new Thread(Loop) { IsBackground = true, Name = "docker stats sampler" };
        _thread.Start();
    }

    /// <summary>
    /// Stops sampling (a request in flight is abandoned), takes a last reading and returns the series and
    /// the last reading the window has (the closing one, or the latest before it when that fails).
    /// </summary>
    public async Task<(IReadOnlyList<MetricsSample> Samples, DockerStatsReading Last, bool Closed)> StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        if (_thread is not null)
        {
            await _finished.Task;
        }

        var closing = await TryReadAsync(cancellationToken);
        var closed = closing is not null && closing.Read > _last.Read;
        Add(closing);
        return (_samples, _last, closed);
    }

    /// <inheritdoc />
    public void Dispose() => _stop.Dispose();

    private void Loop()
    {
        SamplerPriority.RaiseForCurrentThread();
        try
        {
            var stop = _stop.Token;
            for (var slot = 1L; ;)
            {
                var wait = _interval * slot - _clock.Elapsed;
                if (stop.WaitHandle.WaitOne(wait > TimeSpan.Zero ? wait : TimeSpan.Zero))
                {
                    return;
                }

                // This thread is the sampler's own: waiting on the request here blocks no one else.
                Add(TryReadAsync(stop).GetAwaiter().GetResult());

                // The next slot after this one and after now: a slow answer skips slots rather than
                // bunching requests, and a wait that ends a little early does not repeat its slot.
                slot = Math.Max(slot + 1, (long)(_clock.Elapsed / _interval) + 1);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped while a request was in flight: that reading is not needed.
        }
        finally
        {
            _finished.TrySetResult();
        }
    }

    private async Task<DockerStatsReading?> TryReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _reader.ReadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed request is a missing point; the closing reading decides whether totals exist.
            return null;
        }
    }

    private void Add(DockerStatsReading? reading)
    {
        // An older daemon can hand two requests the same collector tick; a repeated reading is no new point.
        if (reading is null || reading.Read <= _last.Read)
        {
            return;
        }

        _samples.Add(new MetricsSample
        {
            T = _clock.Elapsed.TotalSeconds,
            CpuPercent = reading.CpuPercentSince(_last),
            MemoryMb = reading.MemoryWorkingSetBytes / 1048576.0,
            Pids = reading.Pids,
        });
        _last = reading;
    }
}
