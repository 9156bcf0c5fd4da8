using System.Text.Json;
using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Schema;

/// <summary>JSON values as OpenAPI types them: whole numbers are integers, other numbers numbers.</summary>
internal static class JsonTypes
{
    public static string Of(JsonNode value) => value switch
    {
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => "string",
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValue v when Number(v) is { } n => double.IsFinite(n) && Math.Floor(n) == n ? "integer" : "number",
        _ => "null",
    };

    public static double? Number(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public static bool SameValue(JsonNode? a, JsonNode? b) =>
        a is JsonValue x && b is JsonValue y && Number(x) is { } m && Number(y) is { } n
            ? m == n
            : JsonNode.DeepEquals(a, b);
}
