using System.Text.Json.Nodes;
using static UnpackBench.Testing.Kubernetes.CustomResources.Schema.SchemaKeywords;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Schema;

/// <summary>
/// Applies a structural schema's defaults as the API server does after pruning: a missing field (or a null
/// in a non-nullable one) with a default gets it, then the defaults nested in it apply in turn, down
/// through properties, additionalProperties and items.
/// </summary>
internal static class SchemaDefaulter
{
    public static void Default(JsonNode? value, JsonObject schema)
    {
        switch (value)
        {
            case JsonObject obj:
                foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
                {
                    if (property is JsonObject propertySchema && propertySchema["default"] is { } defaultValue
                        && (!obj.ContainsKey(name) || (obj[name] is null && !IsTrue(propertySchema, "nullable"))))
                    {
                        obj[name] = defaultValue.DeepClone();
                    }
                }

                foreach (var (name, child) in obj.ToList())
                {
                    if ((Property(schema, name) ?? AdditionalProperties(schema)) is { } childSchema)
                    {
                        Default(child, childSchema);
                    }
                }

                break;
            case JsonArray array when Items(schema) is { } items:
                foreach (var item in array)
                {
                    Default(item, items);
                }

                break;
        }
    }
}
