using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.Fields;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Schema;

/// <summary>
/// Inside anyOf, allOf, oneOf and not a structural schema holds value validations only: no type, default,
/// description, nullable, additionalProperties, metadata or Kubernetes extensions — except the
/// int-or-string pattern <c>anyOf: [{type: integer}, {type: string}]</c>.
/// </summary>
internal static class JunctorChecks
{
    private static readonly string[] Junctors = ["anyOf", "allOf", "oneOf", "not"];

    private static readonly (string Keyword, string Detail)[] Forbidden =
    [
        ("type", "must be empty to be structural"),
        ("default", "must be undefined to be structural"),
        ("title", "must be empty to be structural"),
        ("description", "must be empty to be structural"),
        ("nullable", "must be false to be structural"),
        ("additionalProperties", "must be undefined to be structural"),
        ("externalDocs", "must be undefined to be structural"),
        ("x-kubernetes-preserve-unknown-fields", "must be false to be structural"),
        ("x-kubernetes-embedded-resource", "must be false to be structural"),
        ("x-kubernetes-int-or-string", "must be false to be structural"),
        ("x-kubernetes-list-map-keys", "must be empty to be structural"),
        ("x-kubernetes-list-type", "must be undefined to be structural"),
        ("x-kubernetes-map-type", "must be undefined to be structural"),
        ("x-kubernetes-validations", "must be empty to be structural"),
    ];

    public static void Check(JsonObject schema, string path, bool intOrString, List<FieldError> errors)
    {
        foreach (var junctor in Junctors)
        {
            var branches = schema[junctor] switch
            {
                JsonArray array => array.OfType<JsonObject>().Select((b, i) => (b, $"{path}.{junctor}[{i}]")).ToList(),
                JsonObject single => [(single, $"{path}.{junctor}")],
                _ => [],
            };
            var isIntOrStringPattern = intOrString && junctor == "anyOf" && branches.Count == 2
                && branches.All(b => b.Item1.Count == 1 && b.Item1["type"]?.GetValue<string>() is "integer" or "string");
            if (isIntOrStringPattern)
            {
                continue;
            }

            foreach (var (branch, branchPath) in branches)
            {
                CheckNested(branch, branchPath, errors);
            }
        }
    }

    private static void CheckNested(JsonObject schema, string path, List<FieldError> errors)
    {
        StructuralSchemaValidator.CheckKeywords(schema, path, errors);
        foreach (var (keyword, detail) in Forbidden)
        {
            if (schema[keyword] is { } value && !(value is JsonValue v && v.TryGetValue<bool>(out var b) && !b))
            {
                errors.Add(FieldError.Forbidden($"{path}.{keyword}", detail));
            }
        }

        foreach (var (name, child) in schema["properties"] as JsonObject ?? [])
        {
            if (name == "metadata")
            {
                errors.Add(FieldError.Forbidden($"{path}.properties[metadata]", "must not be specified in a nested context"));
            }

            CheckNested(child!.AsObject(), $"{path}.properties[{name}]", errors);
        }

        if (schema["items"] is JsonObject items)
        {
            CheckNested(items, $"{path}.items", errors);
        }

        Check(schema, path, intOrString: false, errors);
    }
}
