namespace UnpackBench.Agent.Sampling.Docker;

/// <summary>Takes one stats reading of a container.</summary>
internal interface IDockerStatsReader
{
    /// <summary>A fresh reading, or null when Docker had none (the container is not running).</summary>
    Task<DockerStatsReading?> ReadAsync(CancellationToken cancellationToken);
}
