using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.Images.Registry;

/// <summary>
/// An in-process registry that does token (Bearer) authentication the way Docker Hub and most hosted
/// registries do, which the Debian docker-registry cannot: a request without a valid token gets 401 with
/// <c>WWW-Authenticate: Bearer realm="…/token",service="fake-registry",scope="repository:&lt;repo&gt;:pull"</c>;
/// the realm hands out tokens for <c>service</c> and <c>scope</c>, checking Basic credentials when
/// <see cref="RequiredUser"/> is set; the token then opens manifests and blobs. Blobs are answered with a
/// 307 to a second listener on another host name (localhost), like a registry redirecting to object storage.
/// Every request is recorded.
/// </summary>
internal sealed class FakeTokenRegistry : IAsyncDisposable
{
    public const string Service = "fake-registry";

    private readonly HttpListener _registry = new();
    private readonly HttpListener _storage = new();
    private readonly ConcurrentDictionary<string, int> _tokens = new();
    private readonly Dictionary<string, (string MediaType, byte[] Bytes)> _manifests = [];
    private readonly Dictionary<string, byte[]> _blobs = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private int _issued;

    public FakeTokenRegistry(string repository)
    {
        Repository = repository;
        Port = FreePort();
        StoragePort = FreePort();
        _registry.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _storage.Prefixes.Add($"http://localhost:{StoragePort}/");
    }

    public string Repository { get; }

    public int Port { get; }

    public int StoragePort { get; }

    public string Host => $"127.0.0.1:{Port}";

    /// <summary>When set, the token service requires these Basic credentials; otherwise it hands tokens to anyone.</summary>
    public (string User, string Password)? RequiredUser { get; init; }

    /// <summary>Name the token <c>access_token</c> (as OAuth2 servers do) instead of <c>token</c>.</summary>
    public bool AnswerWithAccessToken { get; init; }

    /// <summary>How many requests a token is good for before the registry treats it as expired.</summary>
    public int TokenUses { get; init; } = int.MaxValue;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public void AddImage(BuiltImage image, string tag)
    {
        var manifest = (image.Descriptor.MediaType, image.Blobs.ReadAllBytes(image.ManifestDigest));
        _manifests[tag] = manifest;
        _manifests[image.ManifestDigest] = manifest;
        foreach (var blob in image.BlobDescriptors)
        {
            _blobs[blob.Digest] = image.Blobs.ReadAllBytes(blob.Digest);
        }
    }

    public void Start()
    {
        _registry.Start();
        _storage.Start();
        _loops.Add(ServeAsync(_registry, HandleRegistryAsync));
        _loops.Add(ServeAsync(_storage, HandleStorageAsync));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _registry.Stop();
        _storage.Stop();
        await Task.WhenAll(_loops);
        _registry.Close();
        _storage.Close();
        _stop.Dispose();
    }

    private async Task ServeAsync(HttpListener listener, Func<HttpListenerContext, Task> handle)
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            var request = context.Request;
            Requests.Enqueue(new RecordedRequest(request.Url!.Host, request.Url.AbsolutePath, request.Url.Query, request.Headers["Authorization"]));
            try
            {
                await handle(context);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private async Task HandleRegistryAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        if (path == "/token")
        {
            await IssueTokenAsync(context);
            return;
        }

        if (!HasValidToken(context.Request.Headers["Authorization"]))
        {
            context.Response.AddHeader(
                "WWW-Authenticate",
                $"Bearer realm=\"http://{Host}/token\",service=\"{Service}\",scope=\"repository:{Repository}:pull\"");
            await WriteErrorAsync(context, 401, "UNAUTHORIZED", "authentication required");
            return;
        }

        var manifestPrefix = $"/v2/{Repository}/manifests/";
        var blobPrefix = $"/v2/{Repository}/blobs/";
        if (path.StartsWith(manifestPrefix, StringComparison.Ordinal) && _manifests.TryGetValue(path[manifestPrefix.Length..], out var manifest))
        {
            context.Response.ContentType = manifest.MediaType;
            context.Response.AddHeader("Docker-Content-Digest", ContentDigest.Of(manifest.Bytes));
            await context.Response.OutputStream.WriteAsync(manifest.Bytes);
        }
        else if (path.StartsWith(blobPrefix, StringComparison.Ordinal) && _blobs.ContainsKey(path[blobPrefix.Length..]))
        {
            context.Response.StatusCode = 307;
            context.Response.RedirectLocation = $"http://localhost:{StoragePort}/bucket/{path[blobPrefix.Length..]}?signature=abc";
        }
        else
        {
            await WriteErrorAsync(context, 404, "MANIFEST_UNKNOWN", "manifest unknown");
        }
    }

    private async Task HandleStorageAsync(HttpListenerContext context)
    {
        // Object storage rejects requests that carry an Authorization header it did not sign.
        if (context.Request.Headers["Authorization"] is not null)
        {
            context.Response.StatusCode = 400;
            return;
        }

        var digest = context.Request.Url!.AbsolutePath["/bucket/".Length..];
        if (_blobs.TryGetValue(digest, out var blob))
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength64 = blob.Length;
            await context.Response.OutputStream.WriteAsync(blob);
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    private async Task IssueTokenAsync(HttpListenerContext context)
    {
        var query = context.Request.QueryString;
        if (query["service"] != Service || query["scope"] != $"repository:{Repository}:pull")
        {
            await WriteErrorAsync(context, 400, "DENIED", "unknown service or scope");
            return;
        }

        if (RequiredUser is { } user)
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user.User}:{user.Password}"));
            if (context.Request.Headers["Authorization"] != expected)
            {
                await WriteErrorAsync(context, 401, "UNAUTHORIZED", "incorrect username or password");
                return;
            }
        }

        var token = $"token-{Interlocked.Increment(ref _issued)}";
        _tokens[token] = 0;
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            [AnswerWithAccessToken ? "access_token" : "token"] = token,
            ["expires_in"] = 300,
        });
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(body);
    }

    private bool HasValidToken(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        var token = authorization["Bearer ".Length..];
        return _tokens.TryGetValue(token, out var uses) && _tokens.TryUpdate(token, uses + 1, uses) && uses < TokenUses;
    }

    private static async Task WriteErrorAsync(HttpListenerContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var body = JsonSerializer.SerializeToUtf8Bytes(new { errors = new[] { new { code, message } } });
        await context.Response.OutputStream.WriteAsync(body);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal sealed record RecordedRequest(string Host, string Path, string Query, string? Authorization);
}
