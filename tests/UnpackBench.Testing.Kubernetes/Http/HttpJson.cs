using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>Reading request bodies and writing JSON responses.</summary>
internal static class HttpJson
{
    public static async Task WriteAsync(HttpContext context, int statusCode, JsonNode body, IReadOnlyList<string>? warnings = null)
    {
        foreach (var warning in warnings ?? [])
        {
            // RFC 7234 warn-code 299 ("miscellaneous persistent warning"), no agent, the text quoted: as the real server sends it.
            context.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(JsonBytes.Of(body), context.RequestAborted);
    }

    public static async Task WriteErrorAsync(HttpContext context, ApiError error)
    {
        if (error.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await WriteAsync(context, error.Code, error.ToStatus());
    }

    /// <summary>The body as JSON; null when it is empty. A malformed body is a 400, as on the real server.</summary>
    public static async Task<JsonNode?> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(buffer.ToArray());
        }
        catch (JsonException e)
        {
            throw ApiError.BadRequest($"the object provided is unrecognized: json parse error: {e.Message}");
        }
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpContext context) =>
        await ReadAsync(context) as JsonObject ?? throw ApiError.BadRequest("the request body must be a JSON object");

    public static JsonObject SuccessStatus(ApiResource resource, JsonObject deleted) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = resource.Group.Length == 0
            ? new JsonObject { ["name"] = ObjectMeta.Name(deleted), ["kind"] = resource.Plural, ["uid"] = ObjectMeta.Uid(deleted) }
            : new JsonObject { ["name"] = ObjectMeta.Name(deleted), ["group"] = resource.Group, ["kind"] = resource.Plural, ["uid"] = ObjectMeta.Uid(deleted) },
    };
}
