using k8s;
using k8s.Autorest;
using k8s.Models;

namespace UnpackBench.Operator.Kubernetes;

/// <summary>
/// The API server refused a write for good — admission (Pod Security, OwnerReferencesPermissionEnforcement,
/// a missing ServiceAccount), validation, a name someone else's object holds — as opposed to a passing
/// fault worth retrying at once. Classified by HTTP status, never by message text.
/// </summary>
internal sealed class ApiRefusal : Exception
{
    /// <summary>Creates the refusal.</summary>
    public ApiRefusal(int statusCode, string reason, string message, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        Reason = reason;
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The API's Status reason (e.g. <c>Forbidden</c>, <c>Invalid</c>), or the status code's name.</summary>
    public string Reason { get; }

    /// <summary>
    /// A refusal for <paramref name="e"/> when its status is a client error that retrying cannot fix
    /// (400, 403, 404, 405, 413, 415, 422); null for conflicts, throttling and server errors.
    /// </summary>
    public static ApiRefusal? From(HttpOperationException e)
    {
        var code = (int)e.Response.StatusCode;
        if (code is not (400 or 403 or 404 or 405 or 413 or 415 or 422))
        {
            return null;
        }

        var status = TryReadStatus(e.Response.Content);
        return new ApiRefusal(code, status?.Reason is { Length: > 0 } reason ? reason : e.Response.StatusCode.ToString(), status?.Message ?? e.Message, e);
    }

    private static V1Status? TryReadStatus(string? content)
    {
        try
        {
            return string.IsNullOrWhiteSpace(content) ? null : KubernetesJson.Deserialize<V1Status>(content);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
