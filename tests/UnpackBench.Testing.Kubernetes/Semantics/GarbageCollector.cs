using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// The controllers that finish deletions, running in the background after every change, as the real
/// garbage collector and namespace controller do:
/// <list type="bullet">
/// <item>dependents whose owner references (by uid) all point at missing objects are deleted (Background);
/// dangling references next to a live owner are removed;</item>
/// <item>an owner with the <c>orphan</c> finalizer has its dependents' references to it removed, then the finalizer;</item>
/// <item>an owner with the <c>foregroundDeletion</c> finalizer has its dependents deleted, and loses the
/// finalizer once no dependent with <c>blockOwnerDeletion: true</c> is left;</item>
/// <item>a terminating namespace has its contents deleted, and goes once it is empty.</item>
/// </list>
/// In <see cref="GarbageCollectionMode.Delayed"/> mode each round starts a delay (on the server's clock)
/// after the change that woke it; in <see cref="GarbageCollectionMode.Off"/> mode nothing runs.
/// </summary>
internal sealed class GarbageCollector : IAsyncDisposable
{
    private const int MaxPassesPerWake = 10_000;
    private readonly ObjectApi _api;
    private readonly ObjectStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _delay;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _pending;

    public GarbageCollector(ObjectApi api, GarbageCollectionMode mode, TimeSpan delay, TimeProvider time)
    {
        _api = api;
        _store = api.Store;
        _time = time;
        _delay = mode == GarbageCollectionMode.Delayed ? delay : TimeSpan.Zero;
        if (mode == GarbageCollectionMode.Off)
        {
            _loop = Task.CompletedTask;
            return;
        }

        _store.Changed += Poke;
        _loop = Task.Run(RunAsync);
    }

    public async ValueTask DisposeAsync()
    {
        _store.Changed -= Poke;
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _wake.Dispose();
    }

    private void Poke()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _wake.Release();
        }
    }

    private async Task RunAsync()
    {
        while (true)
        {
            await _wake.WaitAsync(_stop.Token);
            if (_delay > TimeSpan.Zero)
            {
                await Task.Delay(_delay, _time, _stop.Token);
            }

            Interlocked.Exchange(ref _pending, 0);
            lock (_store.Gate)
            {
                for (var pass = 0; pass < MaxPassesPerWake && Sweep(); pass++)
                {
                }
            }
        }
    }

    /// <summary>Finds one object with work to do and does it; false when there is none.</summary>
    private bool Sweep()
    {
        var entries = _store.AllEntries();
        foreach (var (key, obj) in entries)
        {
            if (ObjectMeta.IsBeingDeleted(obj) && FinishDeletion(key, obj, entries))
            {
                return true;
            }

            if (!ObjectMeta.IsBeingDeleted(obj) && CollectIfOrphaned(key, obj))
            {
                return true;
            }
        }

        return false;
    }

    private bool FinishDeletion(ObjectKey key, JsonObject owner, IReadOnlyList<KeyValuePair<ObjectKey, JsonObject>> entries)
    {
        var uid = ObjectMeta.Uid(owner)!;
        var finalizers = ObjectMeta.Finalizers(owner);
        var dependents = entries.Where(e => ObjectMeta.OwnerReferences(e.Value).Any(r => r.Uid == uid)).ToList();
        if (finalizers.Contains("orphan"))
        {
            foreach (var (dependentKey, dependent) in dependents)
            {
                var next = (JsonObject)dependent.DeepClone();
                ObjectMeta.RemoveOwnerReferences(next, new HashSet<string> { uid });
                _api.SaveAndFinalize(dependentKey.Resource, next);
            }

            return RemoveFinalizer(key, owner, "orphan");
        }

        if (finalizers.Contains("foregroundDeletion"))
        {
            var deleting = dependents.Where(d => !ObjectMeta.IsBeingDeleted(d.Value)).ToList();
            foreach (var (dependentKey, dependent) in deleting)
            {
                var dependentUid = ObjectMeta.Uid(dependent);
                var hasOwnDependents = entries.Any(e => ObjectMeta.OwnerReferences(e.Value).Any(r => r.Uid == dependentUid));
                _api.Delete(dependentKey.Resource, dependent, new DeleteOptions(PropagationPolicy: hasOwnDependents ? DeleteOptions.Foreground : DeleteOptions.Background));
            }

            var blocking = dependents.Any(d => ObjectMeta.OwnerReferences(d.Value).Any(r => r.Uid == uid && r.BlockOwnerDeletion));
            return blocking ? deleting.Count > 0 : RemoveFinalizer(key, owner, "foregroundDeletion");
        }

        return key.Resource == BuiltInResources.Namespaces && EmptyNamespace(key, owner, entries);
    }

    private bool EmptyNamespace(ObjectKey key, JsonObject ns, IReadOnlyList<KeyValuePair<ObjectKey, JsonObject>> entries)
    {
        if (ns["spec"]?["finalizers"] is not JsonArray { Count: > 0 })
        {
            return false;
        }

        var contents = entries.Where(e => e.Key.Resource.Namespaced && e.Key.Namespace == key.Name).ToList();
        var deleting = contents.Where(e => !ObjectMeta.IsBeingDeleted(e.Value)).ToList();
        foreach (var (contentKey, content) in deleting)
        {
            _api.Delete(contentKey.Resource, content, new DeleteOptions(PropagationPolicy: DeleteOptions.Background));
        }

        if (contents.Count > 0)
        {
            return deleting.Count > 0;
        }

        var next = (JsonObject)ns.DeepClone();
        next["spec"] = new JsonObject();
        _api.SaveAndFinalize(key.Resource, next);
        return true;
    }

    private bool CollectIfOrphaned(ObjectKey key, JsonObject dependent)
    {
        var references = ObjectMeta.OwnerReferences(dependent);
        var dangling = references.Where(r => !_store.UidExists(r.Uid)).Select(r => r.Uid).ToHashSet(StringComparer.Ordinal);
        if (dangling.Count == 0)
        {
            return false;
        }

        if (dangling.Count == references.Count)
        {
            _api.Delete(key.Resource, dependent, new DeleteOptions(PropagationPolicy: DeleteOptions.Background));
            return true;
        }

        var next = (JsonObject)dependent.DeepClone();
        ObjectMeta.RemoveOwnerReferences(next, dangling);
        _api.SaveAndFinalize(key.Resource, next);
        return true;
    }

    private bool RemoveFinalizer(ObjectKey key, JsonObject owner, string finalizer)
    {
        var fresh = _store.Find(key.Resource, key.Namespace.Length == 0 ? null : key.Namespace, key.Name) ?? owner;
        var next = (JsonObject)fresh.DeepClone();
        ObjectMeta.SetFinalizers(next, ObjectMeta.Finalizers(fresh).Where(f => f != finalizer).ToList());
        _api.SaveAndFinalize(key.Resource, next);
        return true;
    }
}
