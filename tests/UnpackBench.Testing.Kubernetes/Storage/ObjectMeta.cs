using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>Reads and writes the <c>metadata</c> of an object held as JSON.</summary>
internal static class ObjectMeta
{
    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        metadata = new JsonObject();
        obj["metadata"] = metadata;
        return metadata;
    }

    public static string? Name(JsonObject obj) => Text(obj, "metadata", "name");

    public static string? Namespace(JsonObject obj) => Text(obj, "metadata", "namespace");

    public static string? Uid(JsonObject obj) => Text(obj, "metadata", "uid");

    public static string? ResourceVersion(JsonObject obj) => Text(obj, "metadata", "resourceVersion");

    public static string? DeletionTimestamp(JsonObject obj) => Text(obj, "metadata", "deletionTimestamp");

    public static bool IsBeingDeleted(JsonObject obj) => DeletionTimestamp(obj) is not null;

    public static long Generation(JsonObject obj) => Number(obj["metadata"]?["generation"]) ?? 0;

    public static long? DeletionGracePeriodSeconds(JsonObject obj) => Number(obj["metadata"]?["deletionGracePeriodSeconds"]);

    public static List<string> Finalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray array
            ? array.Select(f => f?.GetValue<string>() ?? "").ToList()
            : [];

    public static void SetFinalizers(JsonObject obj, IReadOnlyCollection<string> finalizers)
    {
        var metadata = Metadata(obj);
        if (finalizers.Count == 0)
        {
            metadata.Remove("finalizers");
            return;
        }

        metadata["finalizers"] = new JsonArray(finalizers.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
    }

    public static Dictionary<string, string> Labels(JsonObject obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"]?["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                labels[key] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "";
            }
        }

        return labels;
    }

    public static List<OwnerReference> OwnerReferences(JsonObject obj)
    {
        var references = new List<OwnerReference>();
        if (obj["metadata"]?["ownerReferences"] is not JsonArray array)
        {
            return references;
        }

        foreach (var item in array.OfType<JsonObject>())
        {
            references.Add(new OwnerReference(
                Text(item, "uid") ?? "",
                Text(item, "kind") ?? "",
                Text(item, "name") ?? "",
                item["blockOwnerDeletion"] is JsonValue block && block.TryGetValue<bool>(out var blocks) && blocks));
        }

        return references;
    }

    public static void RemoveOwnerReferences(JsonObject obj, IReadOnlySet<string> uids)
    {
        if (obj["metadata"]?["ownerReferences"] is not JsonArray array)
        {
            return;
        }

        var kept = array.OfType<JsonObject>().Where(r => !uids.Contains(Text(r, "uid") ?? "")).Select(r => (JsonNode?)r.DeepClone()).ToArray();
        if (kept.Length == 0)
        {
            Metadata(obj).Remove("ownerReferences");
        }
        else
        {
            Metadata(obj)["ownerReferences"] = new JsonArray(kept);
        }
    }

    /// <summary>A value at a dotted path as the field selector compares it: text, or "" when absent.</summary>
    public static string FieldText(JsonObject obj, string dottedPath)
    {
        JsonNode? node = obj;
        foreach (var segment in dottedPath.Split('.'))
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node switch
        {
            null => "",
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            JsonValue value when value.GetValueKind() == JsonValueKind.True => "true",
            JsonValue value when value.GetValueKind() == JsonValueKind.False => "false",
            _ => node.ToJsonString(),
        };
    }

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Text(JsonNode? node, params string[] path)
    {
        foreach (var segment in path)
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    public static long? Number(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        if (value.TryGetValue<long>(out var whole))
        {
            return whole;
        }

        return value.TryGetValue<int>(out var small) ? small : (long)value.GetValue<double>();
    }
}

/// <summary>One entry of <c>metadata.ownerReferences</c>.</summary>
internal sealed record OwnerReference(string Uid, string Kind, string Name, bool BlockOwnerDeletion);
