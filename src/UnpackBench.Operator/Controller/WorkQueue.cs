namespace UnpackBench.Operator.Controller;

/// <summary>
/// A queue of object keys (<c>namespace/name</c>) with client-go's guarantees: a key is queued at most
/// once however often it is added, is never processed by two workers at once (an add during
/// processing queues it again afterwards), and failures are retried with a per-key exponential backoff.
/// </summary>
internal sealed class WorkQueue : IDisposable
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();
    private readonly Queue<string> _queue = new();
    private readonly HashSet<string> _dirty = [];
    private readonly HashSet<string> _processing = [];
    private readonly Dictionary<string, int> _failures = [];
    private readonly SemaphoreSlim _ready = new(0);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TimeProvider _time;

    /// <summary>Creates an empty queue; delays use <paramref name="time"/>.</summary>
    public WorkQueue(TimeProvider time) => _time = time;

    /// <summary>Keys waiting or being processed, for metrics.</summary>
    public int Depth
    {
        get
        {
            lock (_lock)
            {
                return _dirty.Count;
            }
        }
    }

    /// <summary>Queues <paramref name="key"/> unless it is already waiting.</summary>
    public void Add(string key)
    {
        lock (_lock)
        {
            if (!_dirty.Add(key) || _processing.Contains(key))
            {
                return;
            }

            _queue.Enqueue(key);
        }

        _ready.Release();
    }

    /// <summary>Queues <paramref name="key"/> after <paramref name="delay"/>.</summary>
    public void AddAfter(string key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        _ = Task.Delay(delay, _time, _shutdown.Token).ContinueWith(t => Add(key), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    /// <summary>Queues <paramref name="key"/> again after a failure, backing off exponentially per key.</summary>
    public void AddRateLimited(string key)
    {
        int failures;
        lock (_lock)
        {
            failures = _failures[key] = _failures.GetValueOrDefault(key) + 1;
        }

        var delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * (1L << Math.Min(failures - 1, 30))));
        AddAfter(key, delay);
    }

    /// <summary>Clears <paramref name="key"/>'s backoff after a success.</summary>
    public void Forget(string key)
    {
        lock (_lock)
        {
            _failures.Remove(key);
        }
    }

    /// <summary>Waits for the next key and marks it as being processed.</summary>
    public async Task<string> TakeAsync(CancellationToken cancellationToken)
    {
        await _ready.WaitAsync(cancellationToken);
        lock (_lock)
        {
            var key = _queue.Dequeue();
            _dirty.Remove(key);
            _processing.Add(key);
            return key;
        }
    }

    /// <summary>Marks <paramref name="key"/> processed; if it was added meanwhile, it is queued again.</summary>
    public void Done(string key)
    {
        bool requeue;
        lock (_lock)
        {
            _processing.Remove(key);
            requeue = _dirty.Contains(key);
            if (requeue)
            {
                _queue.Enqueue(key);
            }
        }

        if (requeue)
        {
            _ready.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _shutdown.Cancel();
        _shutdown.Dispose();
        _ready.Dispose();
    }
}
