using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// JSON patch (RFC 6902): <c>add</c>, <c>remove</c>, <c>replace</c>, <c>move</c>, <c>copy</c> and <c>test</c>,
/// with RFC 6901 pointers (<c>~0</c>, <c>~1</c>, <c>-</c> to append). A failing operation rejects the whole patch.
/// </summary>
internal static class JsonPatch
{
    /// <exception cref="ApiError">400 for a malformed patch, 422 when an operation cannot be applied.</exception>
    public static JsonObject Apply(JsonObject target, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw ApiError.BadRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        }

        JsonNode document = target.DeepClone();
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op || ObjectMeta.Text(op, "op") is not { } name || ObjectMeta.Text(op, "path") is not { } path)
            {
                throw ApiError.BadRequest("a JSON patch operation needs \"op\" and \"path\"");
            }

            document = name switch
            {
                "add" => Add(document, path, Value(op)),
                "remove" => Remove(document, path, out _),
                "replace" => Add(Remove(document, path, out _), path, Value(op)),
                "move" => Move(document, From(op), path),
                "copy" => Add(document, path, JsonPointer.Resolve(document, From(op))?.DeepClone() ?? throw Unprocessable($"copy from \"{From(op)}\": no such path")),
                "test" => Test(document, path, Value(op)),
                _ => throw ApiError.BadRequest($"unexpected kind of JSON patch operation: \"{name}\""),
            };
        }

        return document as JsonObject ?? throw Unprocessable("the patch replaced the whole object with something that is not an object");
    }

    private static JsonNode? Value(JsonObject op) =>
        op.TryGetPropertyValue("value", out var value) ? value?.DeepClone() : throw ApiError.BadRequest("a JSON patch operation is missing \"value\"");

    private static string From(JsonObject op) =>
        ObjectMeta.Text(op, "from") ?? throw ApiError.BadRequest("a JSON patch move or copy is missing \"from\"");

    private static JsonNode Add(JsonNode document, string path, JsonNode? value)
    {
        if (path.Length == 0)
        {
            return value ?? throw Unprocessable("cannot replace the whole document with null");
        }

        var (parent, token) = JsonPointer.Parent(document, path) ?? throw Unprocessable($"add operation does not apply: doc is missing path: \"{path}\"");
        switch (parent)
        {
            case JsonObject obj:
                obj[token] = value;
                break;
            case JsonArray array when token == "-":
                array.Add(value);
                break;
            case JsonArray array when int.TryParse(token, out var index) && index >= 0 && index <= array.Count:
                array.Insert(index, value);
                break;
            default:
                throw Unprocessable($"add operation does not apply: doc is missing path: \"{path}\"");
        }

        return document;
    }

    private static JsonNode Remove(JsonNode document, string path, out JsonNode? removed)
    {
        var (parent, token) = JsonPointer.Parent(document, path) ?? throw Unprocessable($"remove operation does not apply: doc is missing path: \"{path}\"");
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(token):
                removed = obj[token];
                obj.Remove(token);
                return document;
            case JsonArray array when int.TryParse(token, out var index) && index >= 0 && index < array.Count:
                removed = array[index];
                array.RemoveAt(index);
                return document;
            default:
                throw Unprocessable($"remove operation does not apply: doc is missing path: \"{path}\"");
        }
    }

    private static JsonNode Move(JsonNode document, string from, string path)
    {
        document = Remove(document, from, out var moved);
        return Add(document, path, moved?.DeepClone());
    }

    private static JsonNode Test(JsonNode document, string path, JsonNode? expected)
    {
        var actual = JsonPointer.Resolve(document, path);
        if (!JsonNode.DeepEquals(actual, expected))
        {
            throw Unprocessable($"testing value {path} failed: test failed");
        }

        return document;
    }

    private static ApiError Unprocessable(string message) =>
        new(422, "Invalid", $"the server rejected our request due to an error in our request: {message}");
}
