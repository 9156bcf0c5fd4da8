using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// A pod's container run as a real Docker container (<see cref="TestKubeletOptions.DockerHost"/>): created
/// from <see cref="DockerContainerSpec"/>, started, its stdout and stderr followed line by line into a
/// <see cref="ContainerLog"/>, stopped with <c>docker kill</c> (SIGTERM, then SIGKILL), and removed with its
/// anonymous volumes on dispose. Docker reports a killed container's exit code as 128 + signal, as the kubelet does.
/// </summary>
internal sealed class DockerContainer : IContainer
{
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(30);
    private readonly DockerClient _client;
    private readonly string _id;
    private readonly ContainerLog _log;

    private DockerContainer(DockerClient client, string id, ContainerLog log)
    {
        _client = client;
        _id = id;
        _log = log;
        Exited = WaitAsync();
    }

    /// <inheritdoc />
    public string Id => $"docker://{_id}";

    /// <inheritdoc />
    public Task<int> Exited { get; }

    /// <summary>Creates and starts the container; a refusal by Docker (no such image, a bad mount) is an <see cref="InvalidOperationException"/>.</summary>
    public static async Task<IContainer> StartAsync(DockerClient client, CreateContainerParameters parameters, ContainerLog log, CancellationToken cancellationToken)
    {
        string id;
        try
        {
            id = (await client.Containers.CreateContainerAsync(parameters, cancellationToken)).ID;
        }
        catch (DockerApiException e)
        {
            throw new InvalidOperationException($"creating the container of image \"{parameters.Image}\": {e.ResponseBody.Trim()}", e);
        }

        try
        {
            await client.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken);
        }
        catch (DockerApiException e)
        {
            await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None);
            throw new InvalidOperationException($"starting the container of image \"{parameters.Image}\": {e.ResponseBody.Trim()}", e);
        }

        return new DockerContainer(client, id, log);
    }

    /// <summary>Docker has started the container's process once <c>start</c> returned.</summary>
    public Task<bool> StartedAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    /// <inheritdoc />
    public void Terminate() => Signal("TERM");

    /// <inheritdoc />
    public void KillAll() => Signal("KILL");

    /// <summary>Removes the container (killing it if it still runs) and its anonymous volumes.</summary>
    public void Dispose()
    {
        try
        {
            _client.Containers.RemoveContainerAsync(_id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }).Wait(CallLimit);
        }
        catch (AggregateException e) when (e.InnerException is DockerContainerNotFoundException or HttpRequestException)
        {
            // Already gone, or the daemon is: nothing left to remove.
        }
    }

    private void Signal(string signal)
    {
        if (Exited.IsCompleted)
        {
            return;
        }

        try
        {
            _client.Containers.KillContainerAsync(_id, new ContainerKillParameters { Signal = signal }).Wait(CallLimit);
        }
        catch (AggregateException e) when (e.InnerException is DockerApiException)
        {
            // It exited meanwhile ("is not running").
        }
    }

    private async Task<int> WaitAsync()
    {
        var logs = FollowLogsAsync();
        var exit = await _client.Containers.WaitContainerAsync(_id);
        await logs;
        _log.Complete();
        return (int)exit.StatusCode;
    }

    // Docker's log stream multiplexes stdout and stderr in frames that need not end at a line; each
    // stream keeps its partial line until its end arrives, so lines are interleaved, never mixed.
    private async Task FollowLogsAsync()
    {
        var parameters = new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Follow = true };
        using var stream = await _client.Containers.GetContainerLogsAsync(_id, tty: false, parameters, CancellationToken.None);
        var partial = new Dictionary<MultiplexedStream.TargetStream, StringBuilder>
        {
            [MultiplexedStream.TargetStream.StandardOut] = new(),
            [MultiplexedStream.TargetStream.StandardError] = new(),
        };
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, CancellationToken.None);
            if (read.EOF)
            {
                break;
            }

            if (partial.TryGetValue(read.Target, out var line))
            {
                AppendLines(line, Encoding.UTF8.GetString(buffer, 0, read.Count));
            }
        }

        foreach (var rest in partial.Values.Where(p => p.Length > 0))
        {
            _log.Append(rest.ToString());
        }
    }

    private void AppendLines(StringBuilder line, string text)
    {
        foreach (var character in text)
        {
            if (character == '\n')
            {
                _log.Append(line.ToString());
                line.Clear();
            }
            else
            {
                line.Append(character);
            }
        }
    }
}
