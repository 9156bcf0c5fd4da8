using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// Strategic merge patch for the built-in types, from the merge keys the Kubernetes types declare by field
/// name: lists such as <c>containers</c>, <c>env</c>, <c>volumes</c> (by <c>name</c>), <c>volumeMounts</c>
/// (by <c>mountPath</c>), <c>ports</c> (by <c>containerPort</c>), <c>conditions</c> (by <c>type</c>) and
/// <c>ownerReferences</c> (by <c>uid</c>) merge element by element; <c>finalizers</c> is a set union; other
/// lists are replaced. Directives: <c>$patch: replace|delete</c>, <c>$retainKeys</c>,
/// <c>$deleteFromPrimitiveList/field</c>; <c>$setElementOrder/field</c> is accepted and ignored.
/// </summary>
internal static class StrategicMergePatch
{
    private static readonly Dictionary<string, string> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["containerStatuses"] = "name",
        ["initContainerStatuses"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["imagePullSecrets"] = "name",
        ["volumeMounts"] = "mountPath",
        ["ports"] = "containerPort",
        ["conditions"] = "type",
        ["addresses"] = "type",
        ["ownerReferences"] = "uid",
        ["hostAliases"] = "ip",
        ["topologySpreadConstraints"] = "topologyKey",
    };

    private static readonly HashSet<string> UnionLists = new(StringComparer.Ordinal) { "finalizers" };

    public static JsonObject Apply(JsonObject target, JsonObject patch) =>
        MergeObject(target, patch) ?? throw ApiError.BadRequest("a strategic merge patch cannot delete the whole object");

    private static JsonObject? MergeObject(JsonObject? original, JsonObject patch)
    {
        switch (ObjectMeta.Text(patch, "$patch"))
        {
            case "delete":
                return null;
            case "replace":
                var replacement = (JsonObject)patch.DeepClone();
                replacement.Remove("$patch");
                return replacement;
        }

        var result = original is null ? new JsonObject() : (JsonObject)original.DeepClone();
        if (patch["$retainKeys"] is JsonArray retain)
        {
            var keep = retain.Select(k => k?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var key in result.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                result.Remove(key);
            }
        }

        foreach (var (key, value) in patch)
        {
            if (key.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
            {
                DeleteFromPrimitiveList(result, key["$deleteFromPrimitiveList/".Length..], value as JsonArray);
            }
            else if (key.StartsWith('$'))
            {
                continue;
            }
            else if (value is null)
            {
                result.Remove(key);
            }
            else if (value is JsonObject child)
            {
                var merged = MergeObject(result[key] as JsonObject, child);
                if (merged is null)
                {
                    result.Remove(key);
                }
                else
                {
                    result[key] = merged;
                }
            }
            else
            {
                result[key] = value is JsonArray list ? MergeList(key, result[key] as JsonArray, list) : value.DeepClone();
            }
        }

        return result;
    }

    private static JsonArray MergeList(string field, JsonArray? original, JsonArray patch)
    {
        var directives = patch.OfType<JsonObject>().Where(e => ObjectMeta.Text(e, "$patch") == "replace").ToList();
        var items = patch.Where(e => !directives.Contains(e)).ToList();
        if (directives.Count > 0 || original is null)
        {
            return new JsonArray(items.Select(e => e is JsonObject o ? MergeObject(null, o) : e?.DeepClone()).Where(e => e is not null).ToArray());
        }

        if (UnionLists.Contains(field))
        {
            var union = original.Select(e => e?.DeepClone()).ToList();
            union.AddRange(items.Where(e => !union.Any(u => JsonNode.DeepEquals(u, e))).Select(e => e?.DeepClone()));
            return new JsonArray(union.ToArray());
        }

        if (!MergeKeys.TryGetValue(field, out var mergeKey) || !items.All(e => e is JsonObject))
        {
            return new JsonArray(items.Select(e => e?.DeepClone()).ToArray());
        }

        var merged = original.Select(e => e?.DeepClone()).ToList();
        foreach (var item in items.Cast<JsonObject>())
        {
            var index = merged.FindIndex(e => e is JsonObject o && JsonNode.DeepEquals(o[mergeKey], item[mergeKey]));
            if (ObjectMeta.Text(item, "$patch") == "delete")
            {
                merged.RemoveAll(e => e is JsonObject o && JsonNode.DeepEquals(o[mergeKey], item[mergeKey]));
            }
            else if (index >= 0)
            {
                merged[index] = MergeObject((JsonObject)merged[index]!, item);
            }
            else
            {
                merged.Add(MergeObject(null, item));
            }
        }

        return new JsonArray(merged.ToArray());
    }

    private static void DeleteFromPrimitiveList(JsonObject result, string field, JsonArray? values)
    {
        if (result[field] is not JsonArray list || values is null)
        {
            return;
        }

        var kept = list.Where(e => !values.Any(v => JsonNode.DeepEquals(v, e))).Select(e => e?.DeepClone()).ToArray();
        result[field] = new JsonArray(kept);
    }
}
