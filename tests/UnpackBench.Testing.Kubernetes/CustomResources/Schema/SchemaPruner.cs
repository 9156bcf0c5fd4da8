using System.Text.Json.Nodes;
using static UnpackBench.Testing.Kubernetes.CustomResources.Schema.SchemaKeywords;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Schema;

/// <summary>
/// Removes what a structural schema does not declare, as the API server does when it decodes a custom
/// resource, and says what it removed (<c>spec.snapshoter</c>, <c>spec.tolerations[0].nmae</c>) — the
/// unknown fields fieldValidation Strict refuses and Warn warns about. Fields under
/// x-kubernetes-preserve-unknown-fields stay; at a resource's root, apiVersion, kind and metadata stay.
/// Then nulls are dropped from non-nullable fields that have no default.
/// </summary>
internal static class SchemaPruner
{
    private static readonly HashSet<string> RootFields = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata" };

    /// <summary>Prunes <paramref name="resource"/> in place and returns the paths removed, sorted.</summary>
    public static IReadOnlyList<string> Prune(JsonObject resource, JsonObject schema)
    {
        var unknown = new List<string>();
        PruneObject(resource, schema, "", isRoot: true, unknown);
        unknown.Sort(StringComparer.Ordinal);
        return unknown;
    }

    private static void Prune(JsonNode? value, JsonObject? schema, string path, List<string> unknown)
    {
        switch (value)
        {
            case JsonObject obj:
                PruneObject(obj, schema, path, isRoot: false, unknown);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Prune(array[i], schema is null ? null : Items(schema), $"{path}[{i}]", unknown);
                }

                break;
        }
    }

    private static void PruneObject(JsonObject obj, JsonObject? schema, string path, bool isRoot, List<string> unknown)
    {
        if (schema is not null && IsTrue(schema, "x-kubernetes-preserve-unknown-fields") && schema["properties"] is null && schema["additionalProperties"] is null)
        {
            return;
        }

        foreach (var (name, child) in obj.ToList())
        {
            if (isRoot && RootFields.Contains(name))
            {
                // The root's metadata is ObjectMeta, checked apart (ObjectMetaValidator), never pruned by the schema.
                continue;
            }

            var childSchema = schema is null ? null : Property(schema, name) ?? AdditionalProperties(schema);
            if (childSchema is not null)
            {
                Prune(child, childSchema, Join(path, name), unknown);
                DropNull(obj, name, childSchema);
            }
            else if (schema is null || !(IsTrue(schema, "x-kubernetes-preserve-unknown-fields") || schema["additionalProperties"] is JsonValue))
            {
                unknown.Add(Join(path, name));
                obj.Remove(name);
            }
        }
    }

    /// <summary>A null in a field that is not nullable and has no default is dropped, as if it were not sent.</summary>
    private static void DropNull(JsonObject obj, string name, JsonObject? schema)
    {
        if (obj[name] is null && obj.ContainsKey(name) && (schema is null || (!IsTrue(schema, "nullable") && schema["default"] is null)))
        {
            obj.Remove(name);
        }
    }
}
