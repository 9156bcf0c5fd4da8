namespace UnpackBench.Agent.Sampling.Docker;

/// <summary>
/// What the Docker stats source needs to know about where the agent runs: the <c>DOCKER_HOST</c>
/// value (null or empty: the default socket) and the id of the container to measure (null: the agent
/// is not in a Docker container).
/// </summary>
/// <param name="DockerHost">The <c>DOCKER_HOST</c> value, as the environment has it.</param>
/// <param name="ContainerId">The full id of the container whose stats are read.</param>
internal sealed record DockerEnvironment(string? DockerHost, string? ContainerId)
{
    /// <summary>The agent's own: <c>DOCKER_HOST</c> from its environment, its container from /proc/self.</summary>
    public static DockerEnvironment FromProcess() =>
        new(Environment.GetEnvironmentVariable("DOCKER_HOST"), OwnContainerId.FromProc());
}
