using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>JSON with object keys in sorted order, as Go's encoder writes a decoded object.</summary>
internal static class SortedJson
{
    public static string Of(JsonNode node) => System.Text.Encoding.UTF8.GetString(JsonBytes.Of(Sort(node)!));

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sort).ToArray()),
        _ => node?.DeepClone(),
    };
}
