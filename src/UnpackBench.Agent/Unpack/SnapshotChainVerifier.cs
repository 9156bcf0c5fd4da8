using Grpc.Core;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Containerd.Api.Snapshots;
using UnpackBench.Agent.Images;

namespace UnpackBench.Agent.Unpack;

/// <summary>
/// The two checks that keep a run honest. Before: no snapshot of the image's chain exists and no
/// snapshot directory of an earlier run is still on disk — otherwise the run would reuse a cache
/// (the "0.05 s for a 1 GB image" bug) or compete with deletion I/O. After: every layer's committed
/// snapshot exists on the right parent — otherwise the run did not do all the work it was timed for.
/// </summary>
/// <param name="connection">containerd, scoped to the agent's namespace.</param>
/// <param name="snapshotter">The snapshotter unpacked into.</param>
/// <param name="ownedSnapshotsDirectory">A private containerd's snapshots directory, which must be empty before a run; null otherwise.</param>
internal sealed class SnapshotChainVerifier(ContainerdConnection connection, string snapshotter, string? ownedSnapshotsDirectory)
{
    /// <summary>Null when the state is clean, otherwise what is left over.</summary>
    public async Task<string?> FindLeftoversAsync(AcquiredImage image, IEnumerable<string> previousDirectories, CancellationToken cancellationToken)
    {
        for (var i = 0; i < image.ChainIds.Count; i++)
        {
            if (await StatAsync(image.ChainIds[i].ToString(), cancellationToken) is not null)
            {
                return $"the snapshot of layer {i + 1}/{image.ChainIds.Count} ({image.ChainIds[i].Abbreviated}) already exists before the run; " +
                       "an unpack would reuse it and finish absurdly fast";
            }
        }

        var keys = await ListKeysAsync(cancellationToken);
        if (keys.Count > 0)
        {
            return $"{keys.Count} snapshot(s) remain in namespace '{connection.Namespace}' before the run (e.g. '{keys[0]}')";
        }

        var stillOnDisk = previousDirectories.FirstOrDefault(Directory.Exists) ?? SnapshotCleaner.FirstEntry(ownedSnapshotsDirectory);
        return stillOnDisk is null ? null : $"snapshot directory {stillOnDisk} is still on disk";
    }

    /// <summary>Null when every layer is committed on its parent, otherwise what is missing.</summary>
    public async Task<string?> FindGapsAsync(AcquiredImage image, CancellationToken cancellationToken)
    {
        for (var i = 0; i < image.ChainIds.Count; i++)
        {
            var info = await StatAsync(image.ChainIds[i].ToString(), cancellationToken);
            var expectedParent = i == 0 ? "" : image.ChainIds[i - 1].ToString();
            if (info is null)
            {
                return $"after the run, the snapshot of layer {i + 1}/{image.ChainIds.Count} ({image.ChainIds[i].Abbreviated}) does not exist";
            }

            if (info.Kind != Kind.Committed || info.Parent != expectedParent)
            {
                return $"after the run, the snapshot of layer {i + 1}/{image.ChainIds.Count} is {info.Kind} on parent '{info.Parent}', expected committed on '{expectedParent}'";
            }
        }

        return null;
    }

    /// <summary>Keys of every snapshot in the agent's namespace for this snapshotter.</summary>
    public async Task<List<string>> ListKeysAsync(CancellationToken cancellationToken)
    {
        using var call = connection.Snapshots.List(new ListSnapshotsRequest { Snapshotter = snapshotter }, connection.Call(cancellationToken));
        var keys = new List<string>();
        await foreach (var page in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            keys.AddRange(page.Info.Select(i => i.Name));
        }

        return keys;
    }

    private async Task<Info?> StatAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await connection.Snapshots.StatAsync(new StatSnapshotRequest { Snapshotter = snapshotter, Key = key }, connection.Call(cancellationToken));
            return response.Info;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
