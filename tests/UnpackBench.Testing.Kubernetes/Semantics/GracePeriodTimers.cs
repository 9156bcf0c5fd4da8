namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// Ends graceful deletions that no kubelet confirms: when a pod's grace period runs out, the callback
/// removes it, so a test without a kubelet never waits forever on a terminating pod.
/// </summary>
internal sealed class GracePeriodTimers(TimeProvider time, Action<ObjectKey, string> expire) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ITimer> _timers = new(StringComparer.Ordinal);
    private bool _disposed;

    public void Schedule(ObjectKey key, string uid, TimeSpan delay)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_timers.Remove(uid, out var earlier))
            {
                earlier.Dispose();
            }

            _timers[uid] = time.CreateTimer(_ => Fire(key, uid), null, delay, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var timer in _timers.Values)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }
    }

    private void Fire(ObjectKey key, string uid)
    {
        lock (_gate)
        {
            if (_disposed || !_timers.Remove(uid, out var timer))
            {
                return;
            }

            timer.Dispose();
        }

        expire(key, uid);
    }
}
