using k8s;
using k8s.Models;

namespace UnpackBench.Operator.Tests.Integration.Support;

/// <summary>
/// Every pod that existed in the namespace, from a watch started before the operator: a pod exists from
/// its ADDED event to its DELETED one, whatever its phase. Answers how many existed at once — in all, and
/// per node — from what the API server said, not from anything the operator counted.
/// </summary>
internal sealed class PodWatchHistory : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string?> _existing = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _watching = Task.CompletedTask;

    /// <summary>The most pods that existed at once.</summary>
    public int MostAtOnce { get; private set; }

    /// <summary>The most pods pinned to the same node that existed at once.</summary>
    public int MostOnOneNodeAtOnce { get; private set; }

    /// <summary>The node each pod was pinned to (its required node affinity on the node's name), by pod name.</summary>
    public Dictionary<string, string?> PinnedNodes { get; } = [];

    public static async Task<PodWatchHistory> StartAsync(IKubernetes client, string @namespace)
    {
        var history = new PodWatchHistory();
        var list = await client.CoreV1.ListNamespacedPodAsync(@namespace);
        foreach (var pod in list.Items)
        {
            history.Added(pod);
        }

        var events = client.CoreV1.WatchListNamespacedPodAsync(@namespace, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: history._stop.Token);
        history._watching = Task.Run(async () =>
        {
            await foreach (var (type, pod) in events)
            {
                if (type == WatchEventType.Deleted)
                {
                    history.Deleted(pod);
                }
                else if (type == WatchEventType.Added)
                {
                    history.Added(pod);
                }
            }
        });
        return history;
    }

    private void Added(V1Pod pod)
    {
        var node = pod.Spec.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms.SelectMany(t => t.MatchFields ?? []).SelectMany(f => f.Values).FirstOrDefault();
        lock (_lock)
        {
            _existing[pod.Metadata.Name] = node;
            PinnedNodes[pod.Metadata.Name] = node;
            MostAtOnce = Math.Max(MostAtOnce, _existing.Count);
            MostOnOneNodeAtOnce = Math.Max(MostOnOneNodeAtOnce, _existing.Values.Where(n => n is not null).GroupBy(n => n).Select(g => g.Count()).DefaultIfEmpty(0).Max());
        }
    }

    private void Deleted(V1Pod pod)
    {
        lock (_lock)
        {
            _existing.Remove(pod.Metadata.Name);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
