using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// The test server's etcd: every object as JSON, one cluster-wide resourceVersion counter, and the
/// event history watches replay from. Tests use the public members to arrange and assert without
/// HTTP; they bypass API semantics (no conflict checks, no status isolation) but still bump the
/// resourceVersion and notify watches, as a write straight into etcd would.
/// </summary>
public sealed partial class ObjectStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, JsonObject> _objects = [];
    private readonly Dictionary<string, ObjectKey> _byUid = new(StringComparer.Ordinal);
    private readonly List<WatchSubscription> _subscriptions = [];
    private readonly WatchHistory _history;
    private readonly ResourceCatalog _catalog;
    private readonly TimeProvider _time;
    private long _resourceVersion;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ObjectStore(ResourceCatalog catalog, TimeProvider time, int historyCapacity)
    {
        _catalog = catalog;
        _time = time;
        _history = new WatchHistory(historyCapacity);
    }

    /// <summary>Raised (inside the store's lock) after every change; the garbage collector listens.</summary>
    internal event Action? Changed;

    internal Lock Gate => _gate;

    /// <summary>The newest resourceVersion written.</summary>
    public long ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>How many events the watch history holds now.</summary>
    public int HistoryCount
    {
        get
        {
            lock (_gate)
            {
                return _history.Count;
            }
        }
    }

    /// <summary>A copy of the object, or null. <paramref name="resource"/> is e.g. <c>pods</c> or <c>leases.coordination.k8s.io</c>.</summary>
    public JsonObject? Get(string resource, string? @namespace, string name)
    {
        var type = _catalog.Resolve(resource);
        lock (_gate)
        {
            return (JsonObject?)Find(type, @namespace, name)?.DeepClone();
        }
    }

    /// <summary>Copies of the objects of a resource type, in one namespace or all, ordered by namespace and name.</summary>
    public IReadOnlyList<JsonObject> List(string resource, string? @namespace = null)
    {
        var type = _catalog.Resolve(resource);
        lock (_gate)
        {
            return Entries(type, @namespace).Select(e => (JsonObject)e.Value.DeepClone()).ToList();
        }
    }

    /// <summary>
    /// Creates or overwrites an object as given (a missing kind, apiVersion, uid or creationTimestamp is
    /// filled in) and returns the stored copy with its new resourceVersion. Watches see ADDED or MODIFIED.
    /// </summary>
    public JsonObject Put(string resource, JsonObject obj)
    {
        var type = _catalog.Resolve(resource);
        var candidate = (JsonObject)obj.DeepClone();
        var name = ObjectMeta.Name(candidate) ?? throw new ArgumentException("The object has no metadata.name.", nameof(obj));
        var ns = type.Namespaced
            ? ObjectMeta.Namespace(candidate) ?? throw new ArgumentException($"{type.QualifiedName} are namespaced: set metadata.namespace.", nameof(obj))
            : null;
        lock (_gate)
        {
            var existing = Find(type, ns, name);
            candidate["kind"] ??= type.Kind;
            candidate["apiVersion"] ??= type.ApiVersion;
            var metadata = ObjectMeta.Metadata(candidate);
            metadata["uid"] ??= existing is null ? Guid.NewGuid().ToString() : ObjectMeta.Uid(existing);
            metadata["creationTimestamp"] ??= existing?["metadata"]?["creationTimestamp"]?.DeepClone() ?? ObjectMeta.Timestamp(_time.GetUtcNow());
            metadata["generation"] ??= existing is null ? 1 : ObjectMeta.Generation(existing);
            return (JsonObject)Save(type, candidate).DeepClone();
        }
    }

    /// <summary>Removes an object at once, finalizers and grace periods notwithstanding. Watches see DELETED.</summary>
    public bool Remove(string resource, string? @namespace, string name)
    {
        var type = _catalog.Resolve(resource);
        lock (_gate)
        {
            var existing = Find(type, @namespace, name);
            if (existing is null)
            {
                return false;
            }

            Delete(type, existing);
            return true;
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking it after every change to the store.</summary>
    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeout"/>.</exception>
    public async Task WaitUntilAsync(Func<ObjectStore, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The store did not reach the expected state within {timeout.TotalSeconds:0.###} s.");
            }
        }
    }

    internal JsonObject? Find(ApiResource type, string? @namespace, string name) =>
        _objects.GetValueOrDefault(new ObjectKey(type, @namespace ?? "", name));

    internal bool UidExists(string uid) => _byUid.ContainsKey(uid);

    internal IEnumerable<KeyValuePair<ObjectKey, JsonObject>> Entries(ApiResource type, string? @namespace) =>
        _objects.Where(e => e.Key.Resource == type && (@namespace is null || e.Key.Namespace == @namespace))
            .OrderBy(e => e.Key.Namespace, StringComparer.Ordinal)
            .ThenBy(e => e.Key.Name, StringComparer.Ordinal)
            .ToList();

    internal IReadOnlyList<KeyValuePair<ObjectKey, JsonObject>> AllEntries() => _objects.ToList();

    /// <summary>Stores <paramref name="obj"/> (which the store now owns) at the next resourceVersion and notifies watches.</summary>
    internal JsonObject Save(ApiResource type, JsonObject obj)
    {
        var key = new ObjectKey(type, ObjectMeta.Namespace(obj) ?? "", ObjectMeta.Name(obj)!);
        var previous = _objects.GetValueOrDefault(key);
        ObjectMeta.Metadata(obj)["resourceVersion"] = (++_resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _objects[key] = obj;
        if (previous is not null && ObjectMeta.Uid(previous) is { } oldUid)
        {
            _byUid.Remove(oldUid);
        }

        _byUid[ObjectMeta.Uid(obj)!] = key;
        Publish(new WatchEventRecord(
            previous is null ? WatchEventRecord.Added : WatchEventRecord.Modified,
            _resourceVersion, type, key.Namespace, JsonBytes.Of(obj), previous is null ? null : JsonBytes.Of(previous)));
        return obj;
    }

    /// <summary>Removes a stored object; the DELETED event carries it at the deletion's resourceVersion.</summary>
    internal JsonObject Delete(ApiResource type, JsonObject current)
    {
        var key = new ObjectKey(type, ObjectMeta.Namespace(current) ?? "", ObjectMeta.Name(current)!);
        _objects.Remove(key);
        _byUid.Remove(ObjectMeta.Uid(current) ?? "");
        var deleted = (JsonObject)current.DeepClone();
        ObjectMeta.Metadata(deleted)["resourceVersion"] = (++_resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Publish(new WatchEventRecord(WatchEventRecord.Deleted, _resourceVersion, type, key.Namespace, JsonBytes.Of(deleted), null));
        return deleted;
    }

    private void Publish(WatchEventRecord record)
    {
        _history.Append(record);
        foreach (var subscription in _subscriptions)
        {
            if (subscription.Accepts(record))
            {
                subscription.Offer(record);
            }
        }

        Changed?.Invoke();
        _changed.TrySetResult();
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
