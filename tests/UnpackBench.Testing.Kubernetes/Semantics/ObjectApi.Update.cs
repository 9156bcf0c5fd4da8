using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.Fields;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// Update (PUT) of the main endpoint or of <c>/status</c>: optimistic concurrency on
/// <c>metadata.resourceVersion</c>, status isolation both ways, generation bumped on spec changes only,
/// and no write at all for a no-op.
/// </summary>
internal sealed partial class ObjectApi
{
    public JsonObject Replace(ApiResource type, string? @namespace, string name, JsonObject body, bool statusOnly, WriteContext? context = null)
    {
        var candidate = Clone(body);
        CheckTypeMeta(type, candidate);
        DecodeBody(type, candidate, context ?? WriteContext.Internal);
        CheckNamespace(type, @namespace, candidate);
        var bodyName = ObjectMeta.Name(candidate);
        if (!string.IsNullOrEmpty(bodyName) && bodyName != name)
        {
            throw ApiError.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        lock (_store.Gate)
        {
            var current = Existing(type, @namespace, name);
            if (string.IsNullOrEmpty(ObjectMeta.ResourceVersion(candidate)) && type.IsCustom)
            {
                // Custom resources do not allow unconditional updates.
                throw ApiError.Invalid(type, name, new FieldError("metadata.resourceVersion", FieldErrorType.Invalid, null, "must be specified for an update", ValueText: "0x0"));
            }

            return Clone(Update(type, current, candidate, statusOnly, context ?? WriteContext.Internal));
        }
    }

    /// <summary>Applies <paramref name="candidate"/> (a full object) to <paramref name="current"/>; the caller holds the lock.</summary>
    private JsonObject Update(ApiResource type, JsonObject current, JsonObject candidate, bool statusOnly, WriteContext context)
    {
        var name = ObjectMeta.Name(current)!;
        var requested = ObjectMeta.ResourceVersion(candidate);
        if (!string.IsNullOrEmpty(requested) && requested != ObjectMeta.ResourceVersion(current))
        {
            throw ApiError.StaleResourceVersion(type, name);
        }

        var next = statusOnly ? WithStatusOf(current, candidate) : WithSpecAndMetadataOf(type, current, candidate);
        ValidateSchema(type, next, current);
        if (!statusOnly)
        {
            _admission.Validate(type, next, current, context.Requester, _store);
        }

        if (JsonNode.DeepEquals(current, next))
        {
            // The real server does not write a no-op: same object, same resourceVersion, no event.
            return current;
        }

        return SaveAndFinalize(type, next);
    }

    private static JsonObject WithStatusOf(JsonObject current, JsonObject candidate)
    {
        var next = Clone(current);
        if (candidate["status"] is { } status)
        {
            next["status"] = status.DeepClone();
        }
        else
        {
            next.Remove("status");
        }

        return next;
    }

    private static JsonObject WithSpecAndMetadataOf(ApiResource type, JsonObject current, JsonObject candidate)
    {
        var next = Clone(candidate);
        var metadata = ObjectMeta.Metadata(next);
        var currentMetadata = ObjectMeta.Metadata(current);
        foreach (var owned in new[] { "name", "namespace", "uid", "creationTimestamp", "resourceVersion", "generation", "deletionTimestamp", "deletionGracePeriodSeconds" })
        {
            metadata.Remove(owned);
            if (currentMetadata[owned] is { } value)
            {
                metadata[owned] = value.DeepClone();
            }
        }

        metadata.Remove("selfLink");
        if (type.HasStatusSubresource)
        {
            next.Remove("status");
            if (current["status"] is { } status)
            {
                next["status"] = status.DeepClone();
            }
        }

        if (type == BuiltInResources.Pods)
        {
            PodRules.ValidateUpdate(current, next);
        }

        if (ObjectMeta.IsBeingDeleted(current))
        {
            var added = ObjectMeta.Finalizers(next).Except(ObjectMeta.Finalizers(current)).ToList();
            if (added.Count > 0)
            {
                var shown = string.Join(", ", added.Order(StringComparer.Ordinal).Select(GoValue.Quote));
                throw ApiError.Invalid(type, ObjectMeta.Name(current)!, FieldError.Forbidden("metadata.finalizers", $"no new finalizers can be added if the object is being deleted, found new finalizers []string{{{shown}}}"));
            }
        }

        if (SpecChanged(type, current, next))
        {
            metadata["generation"] = ObjectMeta.Generation(current) + 1;
        }

        return next;
    }

    /// <summary>Whether anything but metadata (and status, when it has its own subresource) differs.</summary>
    private static bool SpecChanged(ApiResource type, JsonObject current, JsonObject next)
    {
        var before = Clone(current);
        var after = Clone(next);
        foreach (var ignored in type.HasStatusSubresource ? new[] { "metadata", "status" } : ["metadata"])
        {
            before.Remove(ignored);
            after.Remove(ignored);
        }

        return !JsonNode.DeepEquals(before, after);
    }
}
