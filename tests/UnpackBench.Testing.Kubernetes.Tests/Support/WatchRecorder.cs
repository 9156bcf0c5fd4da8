using System.Threading.Channels;
using k8s;

namespace UnpackBench.Testing.Kubernetes.Tests.Support;

/// <summary>Drains a KubernetesClient watch into a queue the test reads with timeouts; records errors and the stream's end.</summary>
internal sealed class WatchRecorder<T> : IAsyncDisposable
{
    private readonly Channel<(WatchEventType Type, T Object)> _events = Channel.CreateUnbounded<(WatchEventType, T)>();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Exception> _errors = [];
    private readonly Task _pump;

    public WatchRecorder(Func<Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> watch) =>
        _pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in watch(Error, _stop.Token))
                {
                    _events.Writer.TryWrite(e);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Error(e);
            }
            finally
            {
                _ended.TrySetResult();
            }
        });

    public Task Ended => _ended.Task;

    public IReadOnlyList<Exception> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public async Task<(WatchEventType Type, T Object)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Objects.Timeout);
        return await _events.Reader.ReadAsync(timeout.Token);
    }

    public async Task<List<(WatchEventType Type, T Object)>> NextAsync(int count)
    {
        var events = new List<(WatchEventType, T)>();
        for (var i = 0; i < count; i++)
        {
            events.Add(await NextAsync());
        }

        return events;
    }

    public bool TryPeek(out (WatchEventType Type, T Object) next) => _events.Reader.TryPeek(out next);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _ended.Task.WaitAsync(Objects.Timeout);
        _stop.Dispose();
    }

    private void Error(Exception e)
    {
        lock (_errors)
        {
            _errors.Add(e);
        }
    }
}
