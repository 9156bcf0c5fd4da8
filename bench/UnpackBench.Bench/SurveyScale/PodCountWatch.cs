using k8s;
using k8s.Models;

namespace UnpackBench.Bench.SurveyScale;

/// <summary>
/// Counts the pods of a namespace from the API server's own watch — a pod exists from ADDED to DELETED,
/// whatever its phase — and keeps the most that existed at once.
/// </summary>
internal sealed class PodCountWatch : IAsyncDisposable
{
    private readonly HashSet<string> _existing = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _watching = Task.CompletedTask;

    /// <summary>The most pods that existed at once.</summary>
    public int MostAtOnce { get; private set; }

    /// <summary>Starts watching <paramref name="namespace"/> with <paramref name="client"/>.</summary>
    public static async Task<PodCountWatch> StartAsync(IKubernetes client, string @namespace, CancellationToken cancellationToken)
    {
        var watch = new PodCountWatch();
        var list = await client.CoreV1.ListNamespacedPodAsync(@namespace, cancellationToken: cancellationToken);
        var events = client.CoreV1.WatchListNamespacedPodAsync(@namespace, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: watch._stop.Token);
        watch._watching = Task.Run(async () =>
        {
            await foreach (var (type, pod) in events)
            {
                watch.Observe(type, pod);
            }
        }, CancellationToken.None);
        return watch;
    }

    private void Observe(WatchEventType type, V1Pod pod)
    {
        lock (_existing)
        {
            if (type == WatchEventType.Deleted)
            {
                _existing.Remove(pod.Metadata.Name);
            }
            else if (type == WatchEventType.Added)
            {
                _existing.Add(pod.Metadata.Name);
                MostAtOnce = Math.Max(MostAtOnce, _existing.Count);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
