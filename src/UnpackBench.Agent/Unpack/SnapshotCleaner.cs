using System.Diagnostics;
using Grpc.Core;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Containerd.Api.Leases;
using UnpackBench.Agent.Containerd.Api.Snapshots;

namespace UnpackBench.Agent.Unpack;

/// <summary>
/// Clears every snapshot in the agent's namespace so the next run starts from nothing, keeping the
/// content store. Snapshots are removed leaf-first (containerd refuses to remove a parent with
/// children). Removal only drops metadata: containerd 1.6's overlayfs deletes directories
/// asynchronously, during garbage collection. Rather than reconfigure the snapshotter (1.6 has no
/// synchronous-remove option), the cleaner runs a synchronous GC — deleting a lease with
/// <c>sync</c> — and then waits until the directories are gone from disk, so the next run neither
/// finds a cache nor competes with deletion I/O. Finally it flushes dirty pages (sync(2)), so the
/// previous run's write-back does not land in the next run's window.
/// </summary>
/// <param name="connection">containerd, scoped to the agent's namespace.</param>
/// <param name="snapshotter">The snapshotter to clear.</param>
/// <param name="ownedSnapshotsDirectory">
/// For a private containerd, the snapshotter's <c>snapshots</c> directory, which must end up empty;
/// null for a shared containerd, where other namespaces' snapshots live there too.
/// </param>
internal sealed class SnapshotCleaner(ContainerdConnection connection, string snapshotter, string? ownedSnapshotsDirectory) : ISnapshotCleaner
{
    /// <summary>The id prefix of the leases runs hold their snapshots under.</summary>
    public const string RunLeasePrefix = "unpackbench-run-";

    private static readonly TimeSpan DirectoryTimeout = TimeSpan.FromSeconds(120);

    /// <inheritdoc />
    public async Task ClearAsync(IReadOnlyCollection<string> directories, CancellationToken cancellationToken)
    {
        // Every snapshot is held by the clear's own lease while it is removed: containerd 1.6's GC,
        // if it ran meanwhile and took an unreferenced snapshot, could leave it listed as its
        // parent's child, and the parent could then never be removed.
        var clearLease = $"unpackbench-clear-{Guid.NewGuid():N}";
        await connection.Leases.CreateAsync(new CreateRequest { Id = clearLease }, connection.Call(cancellationToken));
        try
        {
            var snapshots = await ListAsync(cancellationToken);
            await HoldAsync(clearLease, snapshots, cancellationToken);
            await RemoveLeafFirstAsync(snapshots, cancellationToken);
            await ReleaseRunLeasesAsync(cancellationToken);
        }
        finally
        {
            // Deleting with sync runs the garbage collection to completion, directories included.
            await connection.Leases.DeleteAsync(new DeleteRequest { Id = clearLease, Sync = true }, connection.Call(CancellationToken.None));
        }

        await WaitUntilGoneAsync(directories, cancellationToken);
        FileSystemSync.FlushAll();
    }

    private async Task HoldAsync(string leaseId, IEnumerable<(string Name, string Parent)> snapshots, CancellationToken cancellationToken)
    {
        foreach (var (name, _) in snapshots)
        {
            var resource = new Resource { Id = name, Type = $"snapshots/{snapshotter}" };
            await connection.Leases.AddResourceAsync(new AddResourceRequest { Id = leaseId, Resource = resource }, connection.Call(cancellationToken));
        }
    }

    private async Task RemoveLeafFirstAsync(List<(string Name, string Parent)> snapshots, CancellationToken cancellationToken)
    {
        var remaining = snapshots;
        while (remaining.Count > 0)
        {
            var parents = remaining.Select(s => s.Parent).Where(p => p.Length > 0).ToHashSet();
            var leaves = remaining.Where(s => !parents.Contains(s.Name)).ToList();
            if (leaves.Count == 0)
            {
                throw new ContainerdException($"cannot clear snapshots: {remaining.Count} remain and every one is a parent (a cycle containerd should never report)");
            }

            foreach (var leaf in leaves)
            {
                try
                {
                    await connection.Snapshots.RemoveAsync(new RemoveSnapshotRequest { Snapshotter = snapshotter, Key = leaf.Name }, connection.Call(cancellationToken));
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
                {
                    // Gone already: what we wanted.
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
                {
                    throw new ContainerdException(
                        $"removing snapshot '{leaf.Name}' from {snapshotter}: {ContainerdErrors.Describe(e)}. containerd lists no child of it, so its snapshot metadata is inconsistent " +
                        "(containerd 1.6 can leave this behind when its garbage collection races with removals). Start from an empty state: for the private containerd delete the --root directory; on a shared containerd remove the 'unpackbench' namespace's snapshots with ctr",
                        e);
                }
                catch (RpcException e)
                {
                    throw new ContainerdException($"removing snapshot '{leaf.Name}' from {snapshotter}: {ContainerdErrors.Describe(e)}", e);
                }
            }

            remaining = remaining.Except(leaves).ToList();
        }
    }

    // Every run holds its snapshots under a lease; once they are removed the lease holds nothing
    // and goes too, including those of an agent that was killed mid-run.
    private async Task ReleaseRunLeasesAsync(CancellationToken cancellationToken)
    {
        var leases = await connection.Leases.ListAsync(new ListRequest(), connection.Call(cancellationToken));
        foreach (var lease in leases.Leases.Where(l => l.Id.StartsWith(RunLeasePrefix, StringComparison.Ordinal)))
        {
            try
            {
                await connection.Leases.DeleteAsync(new DeleteRequest { Id = lease.Id }, connection.Call(cancellationToken));
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                // Another clear got it first.
            }
        }
    }

    private async Task WaitUntilGoneAsync(IReadOnlyCollection<string> directories, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while ((directories.FirstOrDefault(Directory.Exists) ?? FirstEntry(ownedSnapshotsDirectory)) is { } survivor)
        {
            if (clock.Elapsed > DirectoryTimeout)
            {
                throw new ContainerdException($"snapshot directory {survivor} is still on disk {DirectoryTimeout.TotalSeconds:0} s after its snapshot was removed; containerd's garbage collection is stuck (see its log)");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>The first entry of <paramref name="directory"/>, or null when it is empty, absent or not ours.</summary>
    public static string? FirstEntry(string? directory) =>
        directory is not null && Directory.Exists(directory) ? Directory.EnumerateFileSystemEntries(directory).FirstOrDefault() : null;

    private async Task<List<(string Name, string Parent)>> ListAsync(CancellationToken cancellationToken)
    {
        using var call = connection.Snapshots.List(new ListSnapshotsRequest { Snapshotter = snapshotter }, connection.Call(cancellationToken));
        var all = new List<(string, string)>();
        await foreach (var page in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            all.AddRange(page.Info.Select(i => (i.Name, i.Parent)));
        }

        return all;
    }
}
