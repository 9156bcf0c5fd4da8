using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>RFC 6901 JSON pointers.</summary>
internal static class JsonPointer
{
    public static JsonNode? Resolve(JsonNode? document, string pointer)
    {
        var node = document;
        foreach (var token in Tokens(pointer))
        {
            node = node switch
            {
                JsonObject obj => obj[token],
                JsonArray array when int.TryParse(token, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>The container a pointer's last token refers into, and that token; null when the container is missing.</summary>
    public static (JsonNode Parent, string Token)? Parent(JsonNode document, string pointer)
    {
        var tokens = Tokens(pointer);
        if (tokens.Count == 0)
        {
            return null;
        }

        var parentPointer = string.Concat(tokens.Take(tokens.Count - 1).Select(t => "/" + t.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
        var parent = parentPointer.Length == 0 ? document : Resolve(document, parentPointer);
        return parent is null ? null : (parent, tokens[^1]);
    }

    private static List<string> Tokens(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (!pointer.StartsWith('/'))
        {
            throw ApiError.BadRequest($"JSON pointer \"{pointer}\" must start with \"/\"");
        }

        return pointer[1..].Split('/')
            .Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .ToList();
    }
}
