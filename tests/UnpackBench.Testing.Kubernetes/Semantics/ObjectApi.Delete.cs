using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// DELETE, as the real registry does it: an object with finalizers, a pending grace period (a pod bound to
/// a node) or a garbage-collection policy that needs work (Orphan, Foreground) gets
/// <c>deletionTimestamp</c> and stays; anything else is removed at once. The object is removed when its
/// last finalizer goes and its grace period is over — for a pod, when a DELETE with
/// <c>gracePeriodSeconds=0</c> (the kubelet's) ends it: as on a real cluster, the API server never ends a
/// grace period by itself, so a pod on a node without a kubelet stays terminating.
/// </summary>
internal sealed partial class ObjectApi
{
    private const string OrphanFinalizer = "orphan";
    private const string ForegroundFinalizer = "foregroundDeletion";

    /// <summary>Deletes or marks for deletion; returns the object as it now is (or as it was removed) and whether it is gone.</summary>
    public (JsonObject Object, bool Removed) Delete(ApiResource type, string? @namespace, string name, DeleteOptions options)
    {
        lock (_store.Gate)
        {
            var current = Existing(type, @namespace, name);
            CheckPreconditions(type, current, options);
            var (result, removed) = Delete(type, current, options);
            return (Clone(result), removed);
        }
    }

    /// <summary>Deletes a stored object; the caller holds the lock.</summary>
    internal (JsonObject Object, bool Removed) Delete(ApiResource type, JsonObject current, DeleteOptions options)
    {
        var next = Clone(current);
        var finalizers = ObjectMeta.Finalizers(next);
        ApplyPropagationPolicy(finalizers, options.PropagationPolicy);
        var grace = type == BuiltInResources.Pods ? PodRules.GracePeriod(current, options.GracePeriodSeconds) : 0;
        var metadata = ObjectMeta.Metadata(next);
        if (ObjectMeta.IsBeingDeleted(current))
        {
            if (grace < (ObjectMeta.DeletionGracePeriodSeconds(current) ?? 0))
            {
                metadata["deletionGracePeriodSeconds"] = grace;
                metadata["deletionTimestamp"] = ObjectMeta.Timestamp(_time.GetUtcNow().AddSeconds(grace));
            }
        }
        else if (grace > 0 || finalizers.Count > 0 || type == BuiltInResources.Namespaces)
        {
            metadata["deletionTimestamp"] = ObjectMeta.Timestamp(_time.GetUtcNow().AddSeconds(grace));
            metadata["deletionGracePeriodSeconds"] = grace;
            metadata["generation"] = ObjectMeta.Generation(current) + 1;
            if (type == BuiltInResources.Namespaces)
            {
                next["status"] = new JsonObject { ["phase"] = "Terminating" };
            }
        }
        else
        {
            return (_store.Delete(type, current), true);
        }

        ObjectMeta.SetFinalizers(next, finalizers);
        if (IsReadyToRemove(type, next))
        {
            // Nothing left to wait for: removed in one write, as the real registry does (no MODIFIED first).
            return (_store.Delete(type, current), true);
        }

        if (JsonNode.DeepEquals(current, next))
        {
            return (current, false);
        }

        return (_store.Save(type, next), false);
    }

    /// <summary>Saves an update and, when it leaves a deleting object with nothing to wait for, removes it. The caller holds the lock.</summary>
    internal JsonObject SaveAndFinalize(ApiResource type, JsonObject next)
    {
        var saved = _store.Save(type, next);
        if (IsReadyToRemove(type, saved))
        {
            _store.Delete(type, saved);
        }

        return saved;
    }

    private static bool IsReadyToRemove(ApiResource type, JsonObject obj) =>
        ObjectMeta.IsBeingDeleted(obj)
        && ObjectMeta.Finalizers(obj).Count == 0
        && (ObjectMeta.DeletionGracePeriodSeconds(obj) ?? 0) == 0
        && (type != BuiltInResources.Namespaces || obj["spec"]?["finalizers"] is not JsonArray { Count: > 0 });

    private static void ApplyPropagationPolicy(List<string> finalizers, string? policy)
    {
        switch (policy)
        {
            case DeleteOptions.Orphan:
                finalizers.Remove(ForegroundFinalizer);
                AddOnce(finalizers, OrphanFinalizer);
                break;
            case DeleteOptions.Foreground:
                finalizers.Remove(OrphanFinalizer);
                AddOnce(finalizers, ForegroundFinalizer);
                break;
            case DeleteOptions.Background:
                finalizers.Remove(OrphanFinalizer);
                finalizers.Remove(ForegroundFinalizer);
                break;
        }
    }

    private static void AddOnce(List<string> finalizers, string finalizer)
    {
        if (!finalizers.Contains(finalizer))
        {
            finalizers.Add(finalizer);
        }
    }

    private static void CheckPreconditions(ApiResource type, JsonObject current, DeleteOptions options)
    {
        var name = ObjectMeta.Name(current)!;
        if (options.PreconditionUid is { } uid && uid != ObjectMeta.Uid(current))
        {
            throw ApiError.Conflict(type, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {ObjectMeta.Uid(current)}");
        }

        if (options.PreconditionResourceVersion is { } rv && rv != ObjectMeta.ResourceVersion(current))
        {
            throw ApiError.Conflict(type, name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {ObjectMeta.ResourceVersion(current)}");
        }
    }
}
