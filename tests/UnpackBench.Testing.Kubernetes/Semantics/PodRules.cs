using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.Fields;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>What the pod registry adds to the generic semantics: create defaults, spec immutability, grace periods.</summary>
internal static class PodRules
{
    private const long DefaultTerminationGracePeriodSeconds = 30;

    /// <summary>Defaults the fields deletion relies on and resets status to Pending, as the pod strategy does.</summary>
    public static void PrepareForCreate(JsonObject pod)
    {
        var spec = pod["spec"] as JsonObject ?? new JsonObject();
        pod["spec"] = spec;
        spec["terminationGracePeriodSeconds"] ??= DefaultTerminationGracePeriodSeconds;
        spec["restartPolicy"] ??= "Always";
        pod["status"] = new JsonObject { ["phase"] = "Pending" };
    }

    /// <summary>
    /// Rejects spec changes the real server forbids: only container and init-container images,
    /// activeDeadlineSeconds, tolerations and terminationGracePeriodSeconds may change (binding a pod to a
    /// node goes through <c>pods/binding</c>).
    /// </summary>
    public static void ValidateUpdate(JsonObject current, JsonObject next)
    {
        if (!JsonNode.DeepEquals(Immutable(current), Immutable(next)))
        {
            throw ApiError.Invalid(BuiltInResources.Pods, ObjectMeta.Name(current)!, FieldError.Forbidden(
                "spec",
                "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"));
        }
    }

    /// <summary>
    /// The grace period a DELETE gets: none for a pod not bound to a node or already finished; otherwise
    /// the request's, else the pod's <c>terminationGracePeriodSeconds</c>, else 30.
    /// </summary>
    public static long GracePeriod(JsonObject pod, long? requested)
    {
        var bound = !string.IsNullOrEmpty(ObjectMeta.Text(pod, "spec", "nodeName"));
        var phase = ObjectMeta.Text(pod, "status", "phase");
        if (!bound || phase is "Succeeded" or "Failed")
        {
            return 0;
        }

        return Math.Max(0, requested ?? ObjectMeta.Number(pod["spec"]?["terminationGracePeriodSeconds"]) ?? DefaultTerminationGracePeriodSeconds);
    }

    /// <summary>Binds an unbound pod to a node, as the scheduler's binding does.</summary>
    public static JsonObject Bind(JsonObject pod, string nodeName, string now)
    {
        if (ObjectMeta.Text(pod, "spec", "nodeName") is { Length: > 0 } existing)
        {
            throw ApiError.Conflict(BuiltInResources.Pods, ObjectMeta.Name(pod)!, $"pod {ObjectMeta.Name(pod)} is already assigned to node \"{existing}\"");
        }

        var next = (JsonObject)pod.DeepClone();
        next["spec"]!["nodeName"] = nodeName;
        var status = next["status"] as JsonObject ?? new JsonObject();
        next["status"] = status;
        var conditions = status["conditions"] as JsonArray ?? new JsonArray();
        status["conditions"] = conditions;
        // One condition per type: binding replaces the scheduler's PodScheduled=False (Unschedulable).
        foreach (var stale in conditions.OfType<JsonObject>().Where(c => ObjectMeta.Text(c, "type") == "PodScheduled").ToList())
        {
            conditions.Remove(stale);
        }

        conditions.Add(new JsonObject { ["type"] = "PodScheduled", ["status"] = "True", ["lastTransitionTime"] = now });
        return next;
    }

    private static JsonObject Immutable(JsonObject pod)
    {
        var spec = pod["spec"]?.DeepClone() as JsonObject ?? new JsonObject();
        foreach (var mutable in new[] { "activeDeadlineSeconds", "tolerations", "terminationGracePeriodSeconds" })
        {
            spec.Remove(mutable);
        }

        foreach (var list in new[] { "containers", "initContainers" })
        {
            foreach (var container in (spec[list] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                container.Remove("image");
            }
        }

        return spec;
    }
}
