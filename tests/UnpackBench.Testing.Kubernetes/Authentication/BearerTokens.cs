using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// The server's token authenticator: each client created for an identity gets a bearer token that maps to
/// it. A request without a token is <see cref="RequestIdentity.Admin"/>; one with an unknown token is a 401.
/// </summary>
internal sealed class BearerTokens
{
    private readonly ConcurrentDictionary<string, RequestIdentity> _identities = new(StringComparer.Ordinal);

    public string Issue(RequestIdentity identity)
    {
        var token = Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();
        _identities[token] = identity;
        return token;
    }

    /// <exception cref="ApiError">401 for a token the server did not issue.</exception>
    public RequestIdentity Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return RequestIdentity.Admin;
        }

        return header.StartsWith("Bearer ", StringComparison.Ordinal) && _identities.TryGetValue(header["Bearer ".Length..].Trim(), out var identity)
            ? identity
            : throw new ApiError(401, "Unauthorized", "Unauthorized");
    }
}
