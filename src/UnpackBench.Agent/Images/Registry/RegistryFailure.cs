using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace UnpackBench.Agent.Images.Registry;

/// <summary>
/// Turns what goes wrong talking to a registry — transport errors, timeouts, error statuses — into
/// <see cref="ImageSourceException"/>s whose messages name the registry and say what to do.
/// </summary>
internal static class RegistryFailure
{
    /// <summary>
    /// Explains a failed connection to <paramref name="uri"/>. <paramref name="registry"/> is the registry's
    /// name as the user wrote it; a host the registry redirected to is named as such.
    /// </summary>
    public static ImageSourceException FromTransport(Exception exception, Uri uri, string registry, bool isRegistryHost, TimeSpan? connectTimeout = null)
    {
        var target = isRegistryHost ? $"registry {registry}" : $"{uri.Authority} (where registry {registry} redirected)";
        var why = exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "the host name does not resolve",
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } e => DescribeTls(e),
            HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => "connection refused",
            HttpRequestException { InnerException: SocketException s } => s.Message.ToLowerInvariant(),
            HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded } e
                when uri.Scheme == Uri.UriSchemeHttp => $"{e.Message.TrimEnd('.')}; if the registry serves HTTPS, leave out --plain-http",
            OperationCanceledException { InnerException: TimeoutException } =>
                connectTimeout is { } limit ? $"no connection within {limit.TotalSeconds:0.#} s" : "the connection timed out",
            _ => exception.Message,
        };
        return new ImageSourceException($"cannot reach {target}: {why}", ImageSourceFailure.Unreachable, exception);
    }

    /// <summary>A request to <paramref name="registry"/> for <paramref name="what"/> took longer than <paramref name="limit"/>.</summary>
    public static ImageSourceException Timeout(string registry, string what, TimeSpan limit, Exception inner) =>
        new($"registry {registry} did not deliver {what} within {limit.TotalSeconds:0} s; check the network or try again later", ImageSourceFailure.Unreachable, inner);

    /// <summary>
    /// Explains an error status other than 401 (answered by authentication) and 404 on a manifest
    /// (answered by <see cref="MissingManifestDiagnosis"/>).
    /// </summary>
    public static ImageSourceException FromStatus(HttpStatusCode status, string? reason, RegistryErrorResponse errors, string registry, string what)
    {
        var code = (int)status;
        var detail = errors.Summary is { } summary ? $" ({summary})" : "";
        var answered = $"{code} {reason ?? status.ToString()}".TrimEnd();
        return status switch
        {
            HttpStatusCode.Forbidden => new($"registry {registry} denied access to {what}: {answered}{detail}; check that your account may pull it", ImageSourceFailure.Unauthorized),
            HttpStatusCode.NotFound => new($"{what} not found in registry {registry}{detail}", ImageSourceFailure.NotFound),
            HttpStatusCode.TooManyRequests => new($"registry {registry} is rate-limiting pulls ({answered}{detail}); wait, or log in to raise the limit", ImageSourceFailure.Unreachable),
            _ when code >= 500 => new($"registry {registry} failed with {answered} while serving {what}{detail}; try again later", ImageSourceFailure.Unreachable),
            _ => new($"registry {registry} answered {answered} for {what}{detail}", ImageSourceFailure.Invalid),
        };
    }

    private static string DescribeTls(HttpRequestException e)
    {
        var inner = e.InnerException is AuthenticationException or IOException ? e.InnerException.Message : e.Message;
        return inner.Contains("certificate", StringComparison.OrdinalIgnoreCase)
            ? $"its TLS certificate is not trusted ({inner}); add the registry's CA to the system trust store"
            : $"the TLS handshake failed ({inner}); if the registry serves plain HTTP, pass --plain-http";
    }
}
