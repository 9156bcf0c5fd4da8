using System.Threading.Channels;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// A scheduler for tests that, like the real one, talks to the API server only through KubernetesClient.
/// It watches pods and nodes and binds each pending pod that has no <c>spec.nodeName</c> (and whose
/// <c>schedulerName</c> is empty or its own) to a node that fits: not cordoned, every NoSchedule/NoExecute
/// taint tolerated (a node whose Ready condition is not True counts as tainted
/// <c>node.kubernetes.io/not-ready</c> or <c>node.kubernetes.io/unreachable</c>, as the node lifecycle
/// controller would make it), <c>nodeSelector</c> and required node affinity matched. Among the nodes that
/// fit it takes the one running the fewest unfinished pods, then the first by name.
/// </summary>
/// <remarks>
/// Binding goes through the <c>pods/binding</c> subresource, as the real scheduler's does: the API server
/// sets <c>spec.nodeName</c> and the PodScheduled=True condition. A server that does not serve the
/// subresource (404 or 405 for a pod that exists) gets a JSON merge patch of <c>spec.nodeName</c> instead,
/// followed by PodScheduled=True on <c>/status</c> — which a server that forbids changing the pod spec, as
/// the real one does, rejects. When no node fits, the pod's PodScheduled condition becomes False with reason
/// <c>Unschedulable</c> and the real scheduler's message; the pod is tried again whenever a pod or a node
/// changes. No events are recorded and there is no preemption.
/// </remarks>
public sealed class TestScheduler : IAsyncDisposable
{
    /// <summary>The scheduler name pods get by default.</summary>
    public const string DefaultSchedulerName = "default-scheduler";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(300);
    private readonly IKubernetes _client;
    private readonly SchedulingCache _cache;
    private readonly PodBinder _binder;
    private readonly Channel<bool> _wakeups = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private CancellationTokenSource? _stop;
    private Task _running = Task.CompletedTask;

    /// <summary>A scheduler that acts for pods naming <paramref name="schedulerName"/> (or none).</summary>
    public TestScheduler(IKubernetes client, string schedulerName = DefaultSchedulerName)
    {
        _client = client;
        _cache = new SchedulingCache(schedulerName);
        _binder = new PodBinder(client);
    }

    /// <summary>Starts watching; returns once the first lists of pods and nodes have been read.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_stop is not null)
        {
            throw new InvalidOperationException("The scheduler was already started.");
        }

        _stop = new CancellationTokenSource();
        var pods = new ObjectWatch<V1Pod>(
            async token => ObjectWatch<V1Pod>.Page(await _client.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: token)),
            (version, token) => _client.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: version, cancellationToken: token),
            list => Changed(() => _cache.ListedPods(list)),
            (type, pod) => Changed(() => _cache.PodEvent(type, pod)));
        var nodes = new ObjectWatch<V1Node>(
            async token => ObjectWatch<V1Node>.Page(await _client.CoreV1.ListNodeAsync(cancellationToken: token)),
            (version, token) => _client.CoreV1.WatchListNodeAsync(allowWatchBookmarks: true, resourceVersion: version, cancellationToken: token),
            list => Changed(() => _cache.ListedNodes(list)),
            (type, node) => Changed(() => _cache.NodeEvent(type, node)));
        _running = Task.WhenAll(pods.RunAsync(_stop.Token), nodes.RunAsync(_stop.Token), ScheduleLoopAsync(_stop.Token));
        await Task.WhenAll(pods.Listed, nodes.Listed).WaitAsync(cancellationToken);
    }

    /// <summary>Stops watching and scheduling. Pods already bound stay bound.</summary>
    public async Task StopAsync()
    {
        if (_stop is not { IsCancellationRequested: false } stop)
        {
            return;
        }

        await stop.CancelAsync();
        await _running;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop?.Dispose();
    }

    private void Changed(Action update)
    {
        update();
        _wakeups.Writer.TryWrite(true);
    }

    private async Task ScheduleLoopAsync(CancellationToken stop)
    {
        try
        {
            while (await _wakeups.Reader.WaitToReadAsync(stop))
            {
                _wakeups.Reader.TryRead(out _);
                if (!await ScheduleAllAsync(stop))
                {
                    await Task.Delay(RetryDelay, stop);
                    _wakeups.Writer.TryWrite(true);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    /// <summary>One pass over every pending pod; false when a write failed and another pass is due.</summary>
    private async Task<bool> ScheduleAllAsync(CancellationToken stop)
    {
        var (pending, nodes, load) = _cache.Snapshot();
        var succeeded = true;
        foreach (var pod in pending)
        {
            try
            {
                await ScheduleAsync(pod, nodes, load, stop);
            }
            catch (HttpOperationException e) when (!stop.IsCancellationRequested)
            {
                // A conflict or a pod that went away: the watch brings the new state and the next pass decides again.
                succeeded &= ApiErrors.IsNotFound(e);
            }
        }

        return succeeded;
    }

    private async Task ScheduleAsync(V1Pod pod, List<V1Node> nodes, Dictionary<string, int> load, CancellationToken stop)
    {
        var reasons = new List<string>();
        var fitting = new List<V1Node>();
        foreach (var node in nodes)
        {
            if (NodeFit.Check(pod, node) is { } reason)
            {
                reasons.Add(reason);
            }
            else
            {
                fitting.Add(node);
            }
        }

        if (fitting.Count == 0)
        {
            await _binder.MarkUnschedulableAsync(pod, NodeFit.Explain(reasons), stop);
            return;
        }

        var chosen = fitting.MinBy(node => load.GetValueOrDefault(node.Name()))!.Name();
        if (await _binder.BindAsync(pod, chosen, stop))
        {
            _cache.Assume(pod, chosen);
            load[chosen] = load.GetValueOrDefault(chosen) + 1;
        }
    }
}
