using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Schema;

/// <summary>The keywords of a CRD's openAPIV3Schema the test server knows, and small readers for them.</summary>
internal static class SchemaKeywords
{
    /// <summary>Keywords that say nothing about validity.</summary>
    public static readonly IReadOnlySet<string> Annotations = new HashSet<string>(StringComparer.Ordinal)
    {
        "description", "title", "example", "externalDocs", "default", "x-kubernetes-map-type", "x-kubernetes-embedded-resource",
    };

    /// <summary>Keywords the validator, pruner or defaulter act on.</summary>
    public static readonly IReadOnlySet<string> Evaluated = new HashSet<string>(StringComparer.Ordinal)
    {
        "type", "format", "properties", "additionalProperties", "required", "items", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "enum", "minItems", "maxItems", "uniqueItems",
        "minProperties", "maxProperties", "anyOf", "allOf", "oneOf", "not", "nullable", "x-kubernetes-int-or-string",
        "x-kubernetes-preserve-unknown-fields", "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-validations",
    };

    public static bool IsTrue(JsonObject schema, string keyword) => schema[keyword] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public static string? Type(JsonObject schema) => schema["type"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;

    public static JsonObject? Property(JsonObject schema, string name) => schema["properties"]?[name] as JsonObject;

    /// <summary>The schema of a map's values, when additionalProperties is a schema.</summary>
    public static JsonObject? AdditionalProperties(JsonObject schema) => schema["additionalProperties"] as JsonObject;

    public static JsonObject? Items(JsonObject schema) => schema["items"] as JsonObject;

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
