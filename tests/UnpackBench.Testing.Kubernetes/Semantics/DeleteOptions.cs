using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>What a DELETE asked for, from its query string and its optional <c>DeleteOptions</c> body.</summary>
internal sealed record DeleteOptions(
    long? GracePeriodSeconds = null,
    string? PropagationPolicy = null,
    string? PreconditionUid = null,
    string? PreconditionResourceVersion = null)
{
    public const string Orphan = "Orphan";
    public const string Foreground = "Foreground";
    public const string Background = "Background";

    public static DeleteOptions Immediately { get; } = new(GracePeriodSeconds: 0);

    public static DeleteOptions From(IQueryCollection query, JsonObject? body)
    {
        var grace = ObjectMeta.Number(body?["gracePeriodSeconds"])
            ?? (long.TryParse(query["gracePeriodSeconds"], out var g) ? g : null);
        var policy = ObjectMeta.Text(body, "propagationPolicy") ?? NullIfEmpty(query["propagationPolicy"]);
        var orphan = body?["orphanDependents"] is JsonValue o && o.TryGetValue<bool>(out var b) ? b
            : bool.TryParse(query["orphanDependents"], out var q) ? q : (bool?)null;
        if (policy is null && orphan is not null)
        {
            policy = orphan.Value ? Orphan : Background;
        }

        if (policy is not null and not (Orphan or Foreground or Background))
        {
            throw ApiError.BadRequest($"DeleteOptions.propagationPolicy: Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
        }

        return new DeleteOptions(grace, policy, ObjectMeta.Text(body, "preconditions", "uid"), ObjectMeta.Text(body, "preconditions", "resourceVersion"));
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
