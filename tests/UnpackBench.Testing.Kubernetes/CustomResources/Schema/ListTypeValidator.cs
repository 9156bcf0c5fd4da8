using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.Fields;
using static UnpackBench.Testing.Kubernetes.CustomResources.Schema.SchemaKeywords;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Schema;

/// <summary>
/// x-kubernetes-list-type: a <c>set</c> holds no value twice and a <c>map</c> no two items with the same
/// x-kubernetes-list-map-keys: <c>status.conditions[1]: Duplicate value: map[string]interface {}{"type":"Ready"}</c>.
/// </summary>
internal static class ListTypeValidator
{
    public static IReadOnlyList<FieldError> Validate(JsonNode? value, JsonObject schema, string path = "")
    {
        var errors = new List<FieldError>();
        Walk(value, schema, path, errors);
        return errors;
    }

    private static void Walk(JsonNode? value, JsonObject schema, string path, List<FieldError> errors)
    {
        switch (value)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if ((Property(schema, name) ?? AdditionalProperties(schema)) is { } childSchema)
                    {
                        Walk(child, childSchema, Join(path, name), errors);
                    }
                }

                break;
            case JsonArray array:
                CheckDuplicates(array, schema, path, errors);
                if (Items(schema) is { } items)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        Walk(array[i], items, $"{path}[{i}]", errors);
                    }
                }

                break;
        }
    }

    private static void CheckDuplicates(JsonArray array, JsonObject schema, string path, List<FieldError> errors)
    {
        Func<JsonNode?, JsonNode?>? identity = schema["x-kubernetes-list-type"]?.GetValue<string>() switch
        {
            "set" => item => item?.DeepClone(),
            "map" => item => new JsonObject(schema["x-kubernetes-list-map-keys"]!.AsArray()
                .Select(k => k!.GetValue<string>())
                .Where(k => item?[k] is not null)
                .Select(k => KeyValuePair.Create(k, (JsonNode?)item![k]!.DeepClone()))),
            _ => null,
        };
        if (identity is null)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var key = identity(array[i]);
            if (!seen.Add(key?.ToJsonString() ?? "null"))
            {
                errors.Add(new FieldError($"{path}[{i}]", FieldErrorType.Duplicate, key, ""));
            }
        }
    }
}
