using System.Text.Json.Nodes;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Fields;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// The pod validation of container resources: a request may not exceed its limit
/// (<c>spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit</c>),
/// quantities compared by value and shown in canonical form, as kube-apiserver 1.28 words it.
/// </summary>
internal static class PodResourceValidation
{
    public static IReadOnlyList<FieldError> Validate(JsonObject pod)
    {
        var errors = new List<FieldError>();
        foreach (var list in new[] { "initContainers", "containers" })
        {
            var containers = (pod["spec"]?[list] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
            for (var i = 0; i < containers.Count; i++)
            {
                var requests = containers[i]["resources"]?["requests"] as JsonObject;
                var limits = containers[i]["resources"]?["limits"] as JsonObject;
                foreach (var (resource, request) in requests ?? [])
                {
                    if (limits?[resource] is { } limit && Quantity(request).ToDecimal() > Quantity(limit).ToDecimal())
                    {
                        errors.Add(FieldError.Invalid($"spec.{list}[{i}].resources.requests", Quantity(request).CanonicalizeString(), $"must be less than or equal to {resource} limit"));
                    }
                }
            }
        }

        return errors;
    }

    private static ResourceQuantity Quantity(JsonNode? value) => new(value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "0");
}
