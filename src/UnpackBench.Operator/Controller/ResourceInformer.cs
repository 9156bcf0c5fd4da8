using System.Collections.Concurrent;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace UnpackBench.Operator.Controller;

/// <summary>
/// A local cache of one kind of object kept current by list + watch, as client-go's informers do: list
/// once, then watch from the list's resourceVersion; when a watch ends, resume from the last version
/// seen; when the server says that version is too old (410 Gone), list again; on errors, back off and
/// list again. Handlers hear about every change and, every resync period, about every object.
/// </summary>
internal sealed class ResourceInformer<T>(
    string kind,
    Func<CancellationToken, Task<(IList<T> Items, string ResourceVersion)>> list,
    Func<string, Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType Type, T Object)>> watch,
    ILogger logger)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentDictionary<string, T> _cache = new();
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Called with an object that was added or modified (or on resync).</summary>
    public event Action<T>? Changed;

    /// <summary>Called with the last known state of an object that was deleted.</summary>
    public event Action<T>? Deleted;

    /// <summary>Completes once the first list has filled the cache.</summary>
    public Task Synced => _synced.Task;

    /// <summary>Every cached object.</summary>
    public ICollection<T> All => _cache.Values;

    /// <summary>The cached object, or null.</summary>
    public T? Get(string? @namespace, string name) => _cache.GetValueOrDefault(ObjectKey.Of(@namespace, name));

    /// <summary>
    /// Puts an object the operator itself just wrote into the cache, unless the cache already has a
    /// newer version, so the next reconcile does not act on what it already changed.
    /// </summary>
    public void Upsert(T item)
    {
        _cache.AddOrUpdate(ObjectKey.Of(item), item, (_, cached) => IsNewer(item, cached) ? item : cached);
    }

    /// <summary>
    /// Replaces a cached object with the state a write of the operator's own returned (a delete's answer),
    /// but only while the cache still holds it: a delete that removed the object at once may be answered
    /// after the watch already reported it gone, and must not bring it back.
    /// </summary>
    public void UpdateIfPresent(T item)
    {
        var key = ObjectKey.Of(item);
        while (_cache.TryGetValue(key, out var cached) && IsNewer(item, cached) && !_cache.TryUpdate(key, item, cached))
        {
        }
    }

    /// <summary>Notifies every cached object as changed (the periodic resync).</summary>
    public void Resync()
    {
        foreach (var item in _cache.Values)
        {
            Changed?.Invoke(item);
        }
    }

    /// <summary>Lists and watches until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var version = await ListAsync(cancellationToken);
                backoff = TimeSpan.FromSeconds(1);
                while (!cancellationToken.IsCancellationRequested)
                {
                    version = await WatchAsync(version, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is WatchExpiredException || e is HttpOperationException { Response.StatusCode: System.Net.HttpStatusCode.Gone })
            {
                logger.LogInformation("watch of {Kind} expired (410 Gone); listing again", kind);
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException or OperationCanceledException or System.Text.Json.JsonException)
            {
                logger.LogWarning("list/watch of {Kind} failed ({Error}); retrying in {Delay}", kind, e.Message, backoff);
                await Task.Delay(backoff, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var (items, version) = await list(cancellationToken);
        var listed = items.ToDictionary(i => ObjectKey.Of(i));
        foreach (var gone in _cache.Keys.Where(k => !listed.ContainsKey(k)).ToList())
        {
            if (_cache.TryRemove(gone, out var removed))
            {
                Deleted?.Invoke(removed);
            }
        }

        foreach (var (key, item) in listed)
        {
            _cache[key] = item;
            Changed?.Invoke(item);
        }

        _synced.TrySetResult();
        return version;
    }

    private async Task<string> WatchAsync(string version, CancellationToken cancellationToken)
    {
        // The client reports a Status event (such as 410 Gone) through this callback and then ends
        // the stream; resuming from the same version would fail forever, so it means "list again".
        Exception? streamError = null;
        await foreach (var (type, item) in watch(version, e => streamError ??= e, cancellationToken))
        {
            switch (type)
            {
                case WatchEventType.Error:
                    throw new WatchExpiredException();
                case WatchEventType.Bookmark:
                    break;
                case WatchEventType.Deleted:
                    _cache.TryRemove(ObjectKey.Of(item), out _);
                    Deleted?.Invoke(item);
                    break;
                default:
                    _cache[ObjectKey.Of(item)] = item;
                    Changed?.Invoke(item);
                    break;
            }

            version = item.Metadata?.ResourceVersion ?? version;
        }

        return streamError switch
        {
            null => version,
            KubernetesException => throw new WatchExpiredException(),
            _ => throw new IOException($"the watch stream failed: {streamError.Message}", streamError),
        };
    }

    private static bool IsNewer(T candidate, T cached) =>
        long.TryParse(candidate.Metadata.ResourceVersion, out var a) && long.TryParse(cached.Metadata.ResourceVersion, out var b) ? a >= b : true;

    private sealed class WatchExpiredException : Exception;
}
