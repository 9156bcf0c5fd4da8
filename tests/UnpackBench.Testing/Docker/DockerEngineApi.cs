using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace UnpackBench.Testing.Docker;

/// <summary>
/// The few Docker Engine API calls the fixture makes (import, create, start, inspect, list, remove),
/// over the daemon's unix socket with plain HTTP, so the tests need no docker CLI of a matching version.
/// </summary>
public sealed class DockerEngineApi : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client for the daemon listening on <paramref name="socketPath"/>.</summary>
    public DockerEngineApi(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://localhost/"), Timeout = TimeSpan.FromMinutes(5) };
    }

    /// <summary>True when <c>GET /_ping</c> answers OK.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("_ping", cancellationToken);
        return response.IsSuccessStatusCode;
    }

    /// <summary><c>docker import</c>: makes image <paramref name="repository"/>:<paramref name="tag"/> from a rootfs tar.</summary>
    public async Task ImportAsync(byte[] rootfsTar, string repository, string tag, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(rootfsTar);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        var body = await SendAsync(HttpMethod.Post, $"images/create?fromSrc=-&repo={repository}&tag={tag}", content, cancellationToken);
        // Progress is streamed as JSON lines with status 200; a failure is a line with "error".
        if (body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"docker import of {repository}:{tag} failed: {body.Trim()}");
        }
    }

    /// <summary><c>docker load</c>: loads the images of a <c>docker save</c> archive.</summary>
    public async Task LoadAsync(Stream archive, CancellationToken cancellationToken)
    {
        using var content = new StreamContent(archive);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        var body = await SendAsync(HttpMethod.Post, "images/load?quiet=1", content, cancellationToken);
        if (body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"docker load failed: {body.Trim()}");
        }
    }

    /// <summary>Creates and starts a container of <paramref name="image"/> without networking; returns its id.</summary>
    public async Task<string> RunAsync(string image, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Image"] = image,
            ["Cmd"] = command,
            ["HostConfig"] = new Dictionary<string, object> { ["NetworkMode"] = "none" },
        });
        using var content = new StringContent(request, Encoding.UTF8, "application/json");
        var created = await SendAsync(HttpMethod.Post, "containers/create", content, cancellationToken);
        var id = JsonDocument.Parse(created).RootElement.GetProperty("Id").GetString()!;
        await SendAsync(HttpMethod.Post, $"containers/{id}/start", null, cancellationToken);
        return id;
    }

    /// <summary>The host PID of the container's first process (0 when it is not running).</summary>
    public async Task<int> InitPidAsync(string id, CancellationToken cancellationToken)
    {
        var inspect = await SendAsync(HttpMethod.Get, $"containers/{id}/json", null, cancellationToken);
        return JsonDocument.Parse(inspect).RootElement.GetProperty("State").GetProperty("Pid").GetInt32();
    }

    /// <summary>Ids of every container, running or not.</summary>
    public async Task<IReadOnlyList<string>> ListContainersAsync(CancellationToken cancellationToken)
    {
        var list = await SendAsync(HttpMethod.Get, "containers/json?all=true", null, cancellationToken);
        return [.. JsonDocument.Parse(list).RootElement.EnumerateArray().Select(c => c.GetProperty("Id").GetString()!)];
    }

    /// <summary><c>docker rm -f -v</c>; a container already gone is fine.</summary>
    public async Task RemoveContainerAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync($"containers/{id}?force=true&v=true", cancellationToken);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException($"removing container {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await _http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? body
            : throw new InvalidOperationException($"{method} /{path.Split('?')[0]}: {(int)response.StatusCode} {body.Trim()}");
    }
}
