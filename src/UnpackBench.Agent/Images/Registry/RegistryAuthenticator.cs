using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace UnpackBench.Agent.Images.Registry;

/// <summary>
/// Answers a registry's <c>WWW-Authenticate</c> challenges for pulls from one repository. Nothing is
/// presented until the registry asks; then <c>Basic</c> gets the stored credentials, and <c>Bearer</c>
/// gets a token from the challenge's realm for scope <c>repository:&lt;repo&gt;:pull</c> (fetched with
/// the credentials when there are any, anonymously otherwise), cached per scope.
/// Credentials and tokens go into <c>Authorization</c> headers and nowhere else.
/// </summary>
internal sealed class RegistryAuthenticator : IDisposable
{
    private readonly string _registry;
    private readonly RegistryCredentialStore _store;
    private readonly HttpClient _http;
    private readonly TimeSpan _tokenTimeout;
    private readonly SemaphoreSlim _answering = new(1, 1);
    private readonly Dictionary<string, string> _tokensByScope = [];
    private readonly Lock _lock = new();
    private Task<RegistryCredentials?>? _credentials;
    private string? _scheme;

    /// <summary>Creates the authenticator for pulls of <paramref name="repository"/> from <paramref name="registry"/>.</summary>
    public RegistryAuthenticator(string registry, string repository, RegistryCredentialStore store, HttpClient http, TimeSpan tokenTimeout)
    {
        _registry = registry;
        _store = store;
        _http = http;
        _tokenTimeout = tokenTimeout;
        PullScope = $"repository:{repository}:pull";
    }

    /// <summary>The token scope every request needs: <c>repository:&lt;repo&gt;:pull</c>.</summary>
    public string PullScope { get; }

    /// <summary>The header to send to the registry now: null until a challenge has been answered.</summary>
    public async Task<AuthenticationHeaderValue?> CurrentHeaderAsync(CancellationToken cancellationToken)
    {
        string? scheme;
        lock (_lock)
        {
            scheme = _scheme;
            if (scheme == "Bearer")
            {
                return _tokensByScope.TryGetValue(PullScope, out var token) ? new AuthenticationHeaderValue("Bearer", token) : null;
            }
        }

        return scheme == "Basic" && await FindCredentialsAsync(cancellationToken) is { } credentials ? BasicHeader(credentials) : null;
    }

    /// <summary>
    /// Answers <paramref name="challenge"/> so the next <see cref="CurrentHeaderAsync"/> satisfies it.
    /// A repeated call (a token expired) fetches a fresh token.
    /// </summary>
    /// <exception cref="ImageSourceException">No usable credentials, or the token service refused them.</exception>
    public async Task AnswerAsync(AuthenticationChallenge? challenge, CancellationToken cancellationToken)
    {
        await _answering.WaitAsync(cancellationToken);
        try
        {
            if (challenge is not null && challenge.IsScheme("Basic"))
            {
                _ = await FindCredentialsAsync(cancellationToken) ?? throw NoCredentials(bearer: false);
                lock (_lock)
                {
                    _scheme = "Basic";
                }
            }
            else if (challenge is not null && challenge.IsScheme("Bearer") && Uri.TryCreate(challenge.Parameter("realm"), UriKind.Absolute, out var realm))
            {
                var token = await RequestTokenAsync(realm, challenge.Parameter("service"), cancellationToken);
                lock (_lock)
                {
                    _tokensByScope[PullScope] = token;
                    _scheme = "Bearer";
                }
            }
            else
            {
                var offered = challenge is null ? "no usable challenge" : $"a '{challenge.Scheme}' challenge";
                throw new ImageSourceException(
                    $"registry {_registry} requires authentication but sent {offered}; only Basic and Bearer (token) authentication are supported",
                    ImageSourceFailure.Unauthorized);
            }
        }
        finally
        {
            _answering.Release();
        }
    }

    /// <summary>The failure for a registry that still answers 401 after its challenge was answered.</summary>
    public async Task<ImageSourceException> StillUnauthorizedAsync(CancellationToken cancellationToken) =>
        await FindCredentialsAsync(cancellationToken) is { } credentials ? Rejected(credentials) : NoCredentials(bearer: _scheme == "Bearer");

    /// <inheritdoc />
    public void Dispose() => _answering.Dispose();

    private async Task<string> RequestTokenAsync(Uri realm, string? service, CancellationToken cancellationToken)
    {
        var query = (service is null ? "" : $"service={Uri.EscapeDataString(service)}&") + $"scope={Uri.EscapeDataString(PullScope)}";
        var uri = new Uri(realm + (realm.Query.Length > 0 ? "&" : "?") + query);
        var credentials = await FindCredentialsAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_tokenTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (credentials is not null)
        {
            request.Headers.Authorization = BasicHeader(credentials);
        }

        try
        {
            using var response = await _http.SendAsync(request, timeout.Token);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw credentials is null ? NoCredentials(bearer: true) : Rejected(credentials);
            }

            if (!response.IsSuccessStatusCode)
            {
                var errors = await RegistryErrorResponse.ReadAsync(response, timeout.Token);
                throw RegistryFailure.FromStatus(response.StatusCode, response.ReasonPhrase, errors, _registry, $"a pull token from its token service {realm.Authority}");
            }

            return ParseToken(await response.Content.ReadAsByteArrayAsync(timeout.Token), realm);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw RegistryFailure.Timeout(_registry, $"a pull token from {realm.Authority}", _tokenTimeout, e);
        }
        catch (HttpRequestException e)
        {
            throw RegistryFailure.FromTransport(e, uri, _registry, isRegistryHost: false);
        }
    }

    private string ParseToken(byte[] body, Uri realm)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            foreach (var name in (string[])["token", "access_token"])
            {
                if (document.RootElement.TryGetProperty(name, out var token) && token.ValueKind == JsonValueKind.String && token.GetString() is { Length: > 0 } value)
                {
                    return value;
                }
            }
        }
        catch (JsonException)
        {
            // Reported below; the body may hold a token, so it is not quoted.
        }

        throw new ImageSourceException(
            $"the token service {realm.Authority} of registry {_registry} answered without a 'token' or 'access_token'",
            ImageSourceFailure.Unauthorized);
    }

    private Task<RegistryCredentials?> FindCredentialsAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // Looked up once and shared, so it runs under no single caller's token (a credential helper has
            // its own time limit); each caller waits with its own. A failed lookup is retried next time.
            if (_credentials is null || _credentials.IsFaulted || _credentials.IsCanceled)
            {
                _credentials = _store.FindAsync(_registry, CancellationToken.None);
            }

            return _credentials.WaitAsync(cancellationToken);
        }
    }

    private ImageSourceException Rejected(RegistryCredentials credentials) => new(
        $"registry {_registry} rejected the credentials for it from {credentials.Source}; " +
        $"check them with 'docker login {_registry}', or pass --registry-config with a config.json that holds working ones",
        ImageSourceFailure.Unauthorized);

    private ImageSourceException NoCredentials(bool bearer)
    {
        var searched = _store.SearchedFiles.Count == 0 ? "no credentials file is configured" : "looked in " + string.Join(", ", _store.SearchedFiles);
        var orMissing = bearer ? " (or the repository does not exist)" : "";
        return new ImageSourceException(
            $"registry {_registry} requires authentication{orMissing}, and no credentials were found for it ({searched}); " +
            $"log in with 'docker login {_registry}', or pass --registry-config with a config.json that holds credentials for it",
            ImageSourceFailure.Unauthorized);
    }

    private static AuthenticationHeaderValue BasicHeader(RegistryCredentials credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Secret}")));
}
