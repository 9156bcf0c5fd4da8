using Grpc.Core;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Containerd.Api.Snapshots;
using UnpackBench.Agent.Images;
using UnpackBench.Core.Images;

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
    public Task<string?> FindLeftoversAsync(AcquiredImage image, IEnumerable<string> previousDirectories, CancellationToken cancellationToken) =>
        FindLeftoversAsync([CopyChain.Plain(image)], previousDirectories, cancellationToken);

    /// <summary>Null when no copy's chain exists and nothing else is left over, otherwise what is.</summary>
    public async Task<string?> FindLeftoversAsync(IReadOnlyList<CopyChain> chains, IEnumerable<string> previousDirectories, CancellationToken cancellationToken)
    {
        foreach (var chain in chains)
        {
            for (var i = 0; i < chain.Names.Count; i++)
            {
                if (await StatAsync(chain.Names[i], cancellationToken) is not null)
                {
                    return $"the snapshot of layer {i + 1}/{chain.Names.Count} ({Describe(chain, i)}) already exists before the run; " +
                           "an unpack would reuse it and finish absurdly fast";
                }
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
    public Task<string?> FindGapsAsync(AcquiredImage image, CancellationToken cancellationToken) =>
        FindGapsAsync([CopyChain.Plain(image)], cancellationToken);

    /// <summary>Null when every layer of every copy is committed on that copy's parent, otherwise what is missing.</summary>
    public async Task<string?> FindGapsAsync(IReadOnlyList<CopyChain> chains, CancellationToken cancellationToken)
    {
        foreach (var chain in chains)
        {
            for (var i = 0; i < chain.Names.Count; i++)
            {
                var info = await StatAsync(chain.Names[i], cancellationToken);
                var expectedParent = chain.ParentOf(i);
                if (info is null)
                {
                    return $"after the run, the snapshot of layer {i + 1}/{chain.Names.Count} ({Describe(chain, i)}) does not exist";
                }

                if (info.Kind != Kind.Committed || info.Parent != expectedParent)
                {
                    return $"after the run, the snapshot of layer {i + 1}/{chain.Names.Count}{(chains.Count > 1 ? $" of copy {chain.Copy}" : "")} is {info.Kind} on parent '{info.Parent}', expected committed on '{expectedParent}'";
                }
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

    private static string Describe(CopyChain chain, int index)
    {
        var name = chain.Names[index];
        var digest = name[(name.LastIndexOf('/') + 1)..];
        var abbreviated = Digest.TryParse(digest, out var parsed, out _) ? parsed.Abbreviated : name;
        return chain.Names[index] == digest ? abbreviated : $"{abbreviated} of copy {chain.Copy}";
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
