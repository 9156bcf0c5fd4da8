using System.Text.Json.Nodes;
using static UnpackBench.Testing.Kubernetes.CustomResources.Schema.SchemaKeywords;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Cel;

/// <summary>
/// A JSON value as a rule sees it, typed by its schema: objects are maps (a missing field is "no such key"),
/// numbers of <c>type: number</c> are doubles and other whole numbers ints; at a resource's root only
/// apiVersion, kind and metadata.name/generateName of the metadata are visible.
/// </summary>
internal static class CelSchemaValues
{
    public static object? Of(JsonNode? value, JsonObject schema, bool isRoot)
    {
        if (isRoot && value is JsonObject resource)
        {
            var visible = (JsonObject)resource.DeepClone();
            if (visible["metadata"] is JsonObject metadata)
            {
                visible["metadata"] = new JsonObject(metadata.Where(p => p.Key is "name" or "generateName").Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
            }

            value = visible;
        }

        return CelValues.FromJson(value, path => IsNumber(schema, path));
    }

    /// <summary>Whether the schema types the value at <paramref name="path"/> (<c>.a.b[]</c>, relative) as number.</summary>
    private static bool IsNumber(JsonObject schema, string path)
    {
        JsonObject? node = schema;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.TrimEnd('[', ']');
            node = node is null ? null : Property(node, name) ?? AdditionalProperties(node);
            for (var i = name.Length; i < segment.Length && node is not null; i += 2)
            {
                node = Items(node);
            }
        }

        return node is not null && Type(node) == "number";
    }
}
