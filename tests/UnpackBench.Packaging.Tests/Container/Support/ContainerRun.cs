using Docker.DotNet;
using Docker.DotNet.Models;

namespace UnpackBench.Packaging.Tests.Container.Support;

/// <summary>How one container ended: its exit code and its output.</summary>
internal sealed record ContainerOutcome(long ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Both streams, for assertion messages.</summary>
    public string Output => $"exit code {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}

/// <summary>Runs a container of the project's image to its end on the test dockerd, then removes it and its anonymous volumes.</summary>
internal static class ContainerRun
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>Creates, starts and waits for a container made from <paramref name="parameters"/>.</summary>
    public static async Task<ContainerOutcome> RunAsync(DockerClient client, CreateContainerParameters parameters)
    {
        using var limit = new CancellationTokenSource(Limit);
        var id = (await client.Containers.CreateContainerAsync(parameters, limit.Token)).ID;
        try
        {
            await client.Containers.StartContainerAsync(id, new ContainerStartParameters(), limit.Token);
            var exit = await client.Containers.WaitContainerAsync(id, limit.Token);
            using var logs = await client.Containers.GetContainerLogsAsync(id, tty: false, new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, limit.Token);
            var (stdout, stderr) = await logs.ReadOutputToEndAsync(limit.Token);
            return new ContainerOutcome(exit.StatusCode, stdout, stderr);
        }
        finally
        {
            await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None);
        }
    }
}
