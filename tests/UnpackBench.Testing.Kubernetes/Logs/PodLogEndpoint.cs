using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// <c>GET pods/{name}/log</c> with <c>container</c>, <c>follow</c>, <c>tailLines</c> and <c>limitBytes</c>
/// (<c>timestamps</c>, <c>sinceSeconds</c>, <c>previous</c> are accepted and ignored), served as text from
/// the registered <see cref="IPodLogSource"/>. A missing pod is a 404; an unknown or unspecified container
/// and a log that cannot be opened are 400s with the real server's messages. While kubelets are
/// unreachable, a bound pod's log is a 500 (see <see cref="UnreachableKubelet"/>).
/// </summary>
internal sealed class PodLogEndpoint(ObjectApi api, Func<IPodLogSource?> source, Func<bool> kubeletsUnreachable)
{
    public async Task GetAsync(ApiRequest request)
    {
        var pod = api.Get(BuiltInResources.Pods, request.Namespace, request.Name!);
        var container = ResolveContainer(pod, request.Query["container"]);
        if (kubeletsUnreachable() && ObjectMeta.Text(pod, "spec", "nodeName") is { Length: > 0 } nodeName)
        {
            throw UnreachableKubelet.LogError(pod, api.Store.Get("nodes", null, nodeName), container, request.Query);
        }

        var follow = request.Query["follow"].ToString() is "true" or "1";
        var tail = int.TryParse(request.Query["tailLines"], out var t) && t >= 0 ? t : (int?)null;
        var limit = long.TryParse(request.Query["limitBytes"], out var b) && b > 0 ? b : long.MaxValue;
        var aborted = request.Context.RequestAborted;

        var skip = tail is { } lines ? await CountLinesAsync(request, container, aborted) - lines : 0;
        await using var log = await OpenAsync(request, container, follow, aborted)
            ?? throw ApiError.BadRequest($"container \"{container}\" in pod \"{request.Name}\" is waiting to start: ContainerCreating");

        var response = request.Context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/plain";
        await response.StartAsync(aborted);
        await CopyAsync(log, response, Math.Max(0, skip), limit, aborted);
    }

    private static string ResolveContainer(JsonObject pod, string? requested)
    {
        var name = ObjectMeta.Name(pod);
        var containers = new[] { "containers", "initContainers", "ephemeralContainers" }
            .SelectMany(list => (pod["spec"]?[list] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Select(c => ObjectMeta.Text(c, "name") ?? "")
            .ToList();
        if (!string.IsNullOrEmpty(requested))
        {
            return containers.Contains(requested)
                ? requested
                : throw ApiError.BadRequest($"container {requested} is not valid for pod {name}");
        }

        var main = (pod["spec"]?["containers"] as JsonArray)?.OfType<JsonObject>().Select(c => ObjectMeta.Text(c, "name") ?? "").ToList() ?? [];
        return main.Count == 1
            ? main[0]
            : throw ApiError.BadRequest($"a container name must be specified for pod {name}, choose one of: [{string.Join(" ", main)}]");
    }

    private async Task<Stream?> OpenAsync(ApiRequest request, string container, bool follow, CancellationToken cancellationToken) =>
        source() is { } logs ? await logs.OpenAsync(request.Namespace!, request.Name!, container, follow, cancellationToken) : null;

    /// <summary>How many lines the log has now, so a followed tail can skip to its last lines.</summary>
    private async Task<int> CountLinesAsync(ApiRequest request, string container, CancellationToken cancellationToken)
    {
        await using var log = await OpenAsync(request, container, follow: false, cancellationToken);
        if (log is null)
        {
            return 0;
        }

        var count = 0;
        var buffer = new byte[8192];
        int read;
        while ((read = await log.ReadAsync(buffer, cancellationToken)) > 0)
        {
            count += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return count;
    }

    private static async Task CopyAsync(Stream log, HttpResponse response, int skipLines, long limitBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        long written = 0;
        int read;
        while (written < limitBytes && (read = await log.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var chunk = buffer.AsMemory(0, read);
            while (skipLines > 0 && chunk.Length > 0)
            {
                var newline = chunk.Span.IndexOf((byte)'\n');
                chunk = newline < 0 ? Memory<byte>.Empty : chunk[(newline + 1)..];
                skipLines -= newline < 0 ? 0 : 1;
            }

            chunk = chunk[..(int)Math.Min(chunk.Length, limitBytes - written)];
            if (chunk.Length > 0)
            {
                await response.Body.WriteAsync(chunk, cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                written += chunk.Length;
            }
        }
    }
}
