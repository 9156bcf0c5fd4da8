using Docker.DotNet;
using Docker.DotNet.Models;

namespace UnpackBench.Agent.Sampling.Docker;

/// <summary>
/// Reads a container's stats with one-shot, non-streaming requests (<c>stream=false&amp;one-shot=true</c>,
/// API 1.41+): one reading per request, without the second reading a plain <c>stream=false</c> request
/// waits a second for. How soon the daemon answers depends on its version: newer daemons read the cgroup
/// at once, older ones (20.10) wait for their stats collector's next one-second tick.
/// </summary>
internal sealed class DockerStatsClient(IDockerClient client, string containerId, TimeSpan timeout) : IDockerStatsReader
{
    private static readonly ContainerStatsParameters OneShot = new() { Stream = false, OneShot = true };

    /// <inheritdoc />
    /// <exception cref="TimeoutException">The daemon did not answer within the timeout.</exception>
    public async Task<DockerStatsReading?> ReadAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var answer = new LastAnswer();
        try
        {
            await client.Containers.GetContainerStatsAsync(containerId, OneShot, answer, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Docker did not answer a stats request for container {containerId[..Math.Min(12, containerId.Length)]} within {timeout.TotalSeconds:0.#} s");
        }

        return answer.Value is { } stats ? DockerStatsReading.From(stats) : null;
    }

    // Docker.DotNet reports each JSON document synchronously from its reading loop; Progress<T> would
    // post it to the thread pool and lose the ordering with the request's completion.
    private sealed class LastAnswer : IProgress<ContainerStatsResponse>
    {
        public ContainerStatsResponse? Value { get; private set; }

        public void Report(ContainerStatsResponse value) => Value = value;
    }
}
