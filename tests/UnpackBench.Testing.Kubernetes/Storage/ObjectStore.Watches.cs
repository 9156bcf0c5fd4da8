using System.Globalization;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>The store's side of watches: where a watch starts, the open subscriptions, bookmarks and compaction.</summary>
public sealed partial class ObjectStore
{
    internal WatchStart OpenWatch(ApiResource type, string? @namespace, long? fromResourceVersion, bool allowBookmarks)
    {
        lock (_gate)
        {
            List<WatchEventRecord> replay;
            if (fromResourceVersion is not { } from)
            {
                replay = Entries(type, @namespace)
                    .Select(e => new WatchEventRecord(WatchEventRecord.Added, long.Parse(ObjectMeta.ResourceVersion(e.Value)!, CultureInfo.InvariantCulture), type, e.Key.Namespace, JsonBytes.Of(e.Value), null))
                    .ToList();
            }
            else if (!_history.CanResumeFrom(from))
            {
                return new WatchStart([], null, ApiError.Expired(from, _history.CompactedThrough), from);
            }
            else
            {
                replay = _history.After(from, type, @namespace).ToList();
            }

            var subscription = new WatchSubscription(type, @namespace, allowBookmarks);
            _subscriptions.Add(subscription);
            return new WatchStart(replay, subscription, null, fromResourceVersion ?? _resourceVersion);
        }
    }

    internal void CloseWatch(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    internal void ExpireWatches()
    {
        lock (_gate)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Expire();
            }

            _subscriptions.Clear();
        }
    }

    internal void SendBookmarks()
    {
        lock (_gate)
        {
            foreach (var subscription in _subscriptions.Where(s => s.AllowBookmarks))
            {
                subscription.Offer(WatchEventRecord.BookmarkAt(_resourceVersion, subscription.Resource));
            }
        }
    }

    internal void CompactHistory()
    {
        lock (_gate)
        {
            _history.Compact(_resourceVersion);
        }
    }
}
