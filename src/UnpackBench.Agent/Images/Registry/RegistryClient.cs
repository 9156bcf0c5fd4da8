using System.Net;
using System.Net.Http.Headers;

namespace UnpackBench.Agent.Images.Registry;

/// <summary>
/// GET requests to one registry's distribution API: answers authentication challenges (via
/// <see cref="RegistryAuthenticator"/>), follows redirects itself so that an <c>Authorization</c> header
/// never reaches another host (registries redirect blobs to object storage that rejects it), and applies
/// <see cref="RegistryTimeouts"/>.
/// </summary>
internal sealed class RegistryClient : IDisposable
{
    private const int MaxRedirects = 10;

    private readonly HttpClient _http;
    private readonly RegistryAuthenticator _authenticator;
    private readonly Uri _baseUri;

    /// <summary>Creates the client for <paramref name="apiHost"/>, over plain HTTP when <paramref name="plainHttp"/>.</summary>
    public RegistryClient(string registry, string apiHost, string repository, bool plainHttp, RegistryCredentialStore credentials, RegistryTimeouts timeouts)
    {
        Registry = registry;
        Timeouts = timeouts;
        _baseUri = new Uri($"{(plainHttp ? "http" : "https")}://{apiHost}");
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = timeouts.Connect,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("unpackbench", "1.0"));
        _authenticator = new RegistryAuthenticator(registry, repository, credentials, _http, timeouts.Document);
    }

    /// <summary>The registry's name as the user wrote it, for messages.</summary>
    public string Registry { get; }

    /// <summary>The time limits this client works under.</summary>
    public RegistryTimeouts Timeouts { get; }

    /// <summary>
    /// Sends <c>GET path</c> and returns the final response, whatever its status (after redirects and
    /// at most one answered challenge). <paramref name="cancellationToken"/> bounds the wait for headers.
    /// </summary>
    /// <exception cref="ImageSourceException">The registry cannot be reached, or rejects authentication.</exception>
    public async Task<HttpResponseMessage> GetAsync(string path, string? accept, CancellationToken cancellationToken)
    {
        var answered = false;
        while (true)
        {
            var header = await _authenticator.CurrentHeaderAsync(cancellationToken);
            var response = await SendFollowingRedirectsAsync(new Uri(_baseUri, path), accept, header, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Unauthorized || !IsRegistryHost(response.RequestMessage?.RequestUri))
            {
                return response;
            }

            using (response)
            {
                if (answered)
                {
                    throw await _authenticator.StillUnauthorizedAsync(cancellationToken);
                }

                var challenge = response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out var values)
                    ? AuthenticationChallenge.SelectPreferred(values)
                    : null;
                await _authenticator.AnswerAsync(challenge, cancellationToken);
                answered = true;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _authenticator.Dispose();
        _http.Dispose();
    }

    private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(Uri uri, string? accept, AuthenticationHeaderValue? authorization, CancellationToken cancellationToken)
    {
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            if (IsRegistryHost(uri))
            {
                request.Headers.Authorization = authorization;
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException || e is OperationCanceledException { InnerException: TimeoutException } && !cancellationToken.IsCancellationRequested)
            {
                throw RegistryFailure.FromTransport(e, uri, Registry, IsRegistryHost(uri), Timeouts.Connect);
            }

            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location)
            {
                return response;
            }

            response.Dispose();
            if (redirects == MaxRedirects)
            {
                throw new ImageSourceException($"registry {Registry} redirected more than {MaxRedirects} times for {uri.AbsolutePath}", ImageSourceFailure.Unreachable);
            }

            uri = new Uri(uri, location);
        }
    }

    private bool IsRegistryHost(Uri? uri) =>
        uri is not null && Uri.Compare(uri, _baseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
