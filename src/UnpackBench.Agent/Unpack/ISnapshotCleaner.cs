namespace UnpackBench.Agent.Unpack;

/// <summary>Brings the agent's namespace back to no snapshots at all, with their directories gone from disk.</summary>
internal interface ISnapshotCleaner
{
    /// <summary>Removes all snapshots and waits until <paramref name="directories"/> (the last run's) are gone.</summary>
    /// <exception cref="Containerd.ContainerdException">A snapshot could not be removed or a directory outlived the timeout.</exception>
    Task ClearAsync(IReadOnlyCollection<string> directories, CancellationToken cancellationToken);
}
