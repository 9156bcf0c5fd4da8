using System.Net.Sockets;

namespace UnpackBench.Agent.Sampling.Docker;

/// <summary>
/// The Docker daemon's unix socket: from <c>DOCKER_HOST=unix://…</c> when set, else
/// <see cref="DefaultSocket"/>. Only unix sockets are supported, the way the original tool reached
/// the daemon from inside its container (the host's socket mounted in).
/// </summary>
/// <param name="SocketPath">The absolute path of the socket.</param>
internal sealed record DockerEndpoint(string SocketPath)
{
    /// <summary>Where Docker listens unless told otherwise.</summary>
    public const string DefaultSocket = "/var/run/docker.sock";

    private const string UnixScheme = "unix://";

    /// <summary>The address Docker.DotNet connects to.</summary>
    public Uri Uri => new(UnixScheme + SocketPath);

    /// <summary>
    /// Resolves <paramref name="dockerHost"/> (the <c>DOCKER_HOST</c> value). Returns the endpoint, or null
    /// and the reason it cannot be used. The value itself is not repeated in the reason beyond its scheme.
    /// </summary>
    public static (DockerEndpoint? Endpoint, string? Reason) Resolve(string? dockerHost)
    {
        if (string.IsNullOrWhiteSpace(dockerHost))
        {
            return (new DockerEndpoint(DefaultSocket), null);
        }

        var value = dockerHost.Trim();
        if (!value.StartsWith(UnixScheme, StringComparison.OrdinalIgnoreCase))
        {
            var scheme = value.Contains("://", StringComparison.Ordinal) ? value[..(value.IndexOf("://", StringComparison.Ordinal) + 3)] : "an address without a scheme";
            return (null, $"DOCKER_HOST uses {scheme}, which the docker stats source does not support: it reaches dockerd through a unix socket only; unset DOCKER_HOST or set it to {UnixScheme}{DefaultSocket}");
        }

        var path = value[UnixScheme.Length..];
        return path.StartsWith('/')
            ? (new DockerEndpoint(path), null)
            : (null, $"DOCKER_HOST must name an absolute socket path after {UnixScheme} (e.g. {UnixScheme}{DefaultSocket})");
    }

    /// <summary>
    /// Checks that the socket exists and accepts a connection within <paramref name="timeout"/>. Returns
    /// null when it does, otherwise a sentence saying what is wrong and what to change. Whether a Docker
    /// daemon answers on it is checked by the caller through the API.
    /// </summary>
    public async Task<string?> CheckConnectsAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Directory.Exists(SocketPath))
        {
            return $"{SocketPath} is a directory, not the Docker socket: the host had no socket there when the container started (Docker then mounts an empty directory); start Docker on the host first, or use --stats-source cgroup";
        }

        if (!File.Exists(SocketPath))
        {
            return $"no Docker socket at {SocketPath}: mount it into the agent's container (-v /var/run/docker.sock:/var/run/docker.sock) or use --stats-source cgroup";
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), deadline.Token);
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return $"nothing answers on {SocketPath} (connection refused): it is not a socket, or the Docker daemon that made it has stopped";
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AccessDenied)
        {
            return $"permission denied on the Docker socket {SocketPath}: run the agent as root or as a member of the socket's group (usually 'docker')";
        }
        catch (SocketException e)
        {
            return $"cannot connect to the Docker socket {SocketPath}: {e.Message}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the Docker socket {SocketPath} did not accept a connection within {timeout.TotalSeconds:0.#} s";
        }
    }
}
