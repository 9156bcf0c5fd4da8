using Docker.DotNet;

namespace UnpackBench.Agent.Sampling.Docker;

/// <summary>
/// What the agent learns before measuring through Docker: that a Docker daemon answers, that it knows
/// the container and the container runs, which figures its stats carry, and how far apart the readings
/// of back-to-back one-shot requests are (which bounds how fine the series can be).
/// </summary>
/// <param name="DaemonVersion">Docker's version, as <c>GET /version</c> gives it.</param>
/// <param name="ApiVersion">The daemon's API version.</param>
/// <param name="ReadingSpacing">
/// How far apart the daemon's own timestamps of two back-to-back readings are: its stats collector's
/// tick when it answers only at ticks, otherwise about one round trip. Unlike the time an answer takes
/// to arrive, this does not grow when a busy machine delays the answers.
/// </param>
/// <param name="HasMemoryHighWaterMark">Whether the stats carry memory_stats.max_usage (cgroup v1 daemons).</param>
internal sealed record DockerStatsProbe(string DaemonVersion, string ApiVersion, TimeSpan ReadingSpacing, bool HasMemoryHighWaterMark)
{
    private static readonly TimeSpan ApiTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Probes the daemon behind <paramref name="client"/> for <paramref name="containerId"/>. Returns the
    /// findings, or null and a sentence saying why Docker cannot be used.
    /// </summary>
    public static async Task<(DockerStatsProbe? Probe, string? Reason)> RunAsync(
        IDockerClient client, DockerEndpoint endpoint, string containerId, CancellationToken cancellationToken)
    {
        var shortId = containerId[..Math.Min(12, containerId.Length)];
        string version, apiVersion;
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(ApiTimeout);
            var answer = await client.System.GetVersionAsync(deadline.Token);
            (version, apiVersion) = (answer.Version, answer.APIVersion);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var why = e is OperationCanceledException ? $"no answer within {ApiTimeout.TotalSeconds:0} s" : e.Message;
            return (null, $"{endpoint.SocketPath} accepts connections but does not answer like a Docker daemon (GET /version: {why})");
        }

        if (string.IsNullOrEmpty(apiVersion))
        {
            return (null, $"{endpoint.SocketPath} answered GET /version without an API version: it is not a Docker daemon");
        }

        try
        {
            var container = await client.Containers.InspectContainerAsync(containerId, cancellationToken);
            if (container.State is not { Running: true })
            {
                return (null, $"container {shortId} is not running, so Docker has no stats for it");
            }

            var reader = new DockerStatsClient(client, containerId, ApiTimeout);
            var first = await reader.ReadAsync(cancellationToken);
            var second = await reader.ReadAsync(cancellationToken);
            return first is null || second is null
                ? (null, $"Docker {version} returned no stats for container {shortId}")
                : (new DockerStatsProbe(version, apiVersion, second.Read - first.Read, second.MemoryMaxUsageBytes is not null), null);
        }
        catch (DockerContainerNotFoundException)
        {
            return (null, $"the Docker daemon at {endpoint.SocketPath} has no container {shortId}: the agent must measure the container it runs in, on the daemon whose socket it was given");
        }
        catch (Exception e) when (e is DockerApiException or TimeoutException or HttpRequestException or IOException)
        {
            return (null, $"reading the stats of container {shortId} from Docker {version}: {e.Message}");
        }
    }

    /// <summary>
    /// True when the daemon answers a one-shot request only at its stats collector's tick (Docker 20.10
    /// and older; later releases read the cgroup at once), so points come at that pace, not at
    /// <paramref name="interval"/>.
    /// </summary>
    public bool IsSlowerThan(TimeSpan interval) => ReadingSpacing > interval && ReadingSpacing > TimeSpan.FromMilliseconds(300);
}
