using k8s;
using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// List-then-watch over one resource type through KubernetesClient, as an informer does: the full list
/// first, then events from the list's resourceVersion. A watch that ends is resumed from the last version
/// seen; any error (410 Gone, a dropped connection, an error event) starts over with a fresh list, so
/// handlers must treat a list as the complete state. Handlers run on the watch's task, one at a time.
/// </summary>
internal sealed class ObjectWatch<T>(
    Func<CancellationToken, Task<(IList<T> Items, string? Version)>> list,
    Func<string?, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> watch,
    Action<IReadOnlyList<T>> onList,
    Action<WatchEventType, T> onEvent)
    where T : IKubernetesObject<V1ObjectMeta>
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private readonly TaskCompletionSource _listed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first list has been handed to the list handler.</summary>
    public Task Listed => _listed.Task;

    /// <summary>A list call's items and resourceVersion, in the shape the list delegate returns.</summary>
    public static (IList<T> Items, string? Version) Page<TList>(TList list)
        where TList : IItems<T>, IMetadata<V1ListMeta> =>
        (list.Items, list.Metadata?.ResourceVersion);

    /// <summary>Lists and watches until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var version = await ListAsync(cancellationToken);
                await WatchFromAsync(version, cancellationToken);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception)
            {
                // The server went away, said Gone or sent an error event: list again after a pause.
            }

            try
            {
                await Task.Delay(RetryDelay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        _listed.TrySetCanceled(cancellationToken);
    }

    private async Task<string?> ListAsync(CancellationToken cancellationToken)
    {
        var (items, version) = await list(cancellationToken);
        onList([.. items]);
        _listed.TrySetResult();
        return version;
    }

    private async Task WatchFromAsync(string? version, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await foreach (var (type, item) in watch(version, cancellationToken))
            {
                if (type == WatchEventType.Error)
                {
                    throw new InvalidOperationException("The watch returned an error event.");
                }

                version = item.Metadata?.ResourceVersion ?? version;
                if (type != WatchEventType.Bookmark)
                {
                    onEvent(type, item);
                }
            }
        }
    }
}
