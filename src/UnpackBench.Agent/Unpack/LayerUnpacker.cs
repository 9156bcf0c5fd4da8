using System.Diagnostics;
using Grpc.Core;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Containerd.Api;
using UnpackBench.Agent.Containerd.Api.Diff;
using UnpackBench.Agent.Containerd.Api.Snapshots;
using UnpackBench.Agent.Images;

namespace UnpackBench.Agent.Unpack;

/// <summary>
/// Unpacks an image into a snapshotter the way containerd's own client does, one layer at a time:
/// <list type="number">
/// <item>prepare an <b>active snapshot</b> (named by a unique <b>key</b>) on top of the <b>parent</b>, the previous layer's committed snapshot;</item>
/// <item>apply the layer blob into it (containerd's differ decompresses and extracts);</item>
/// <item>check the applied tar's digest equals the layer's diff ID from the config;</item>
/// <item>commit it as a <b>committed snapshot</b> whose <b>name</b> is the layer's chain ID.</item>
/// </list>
/// The timed window covers exactly these calls: one monotonic clock is read between steps, so the
/// steps add up to each layer and the layers to the run. Checks that the chain is absent happen
/// before the window (see <see cref="SnapshotChainVerifier"/>), not inside it.
/// </summary>
internal sealed class LayerUnpacker(ContainerdConnection connection, string snapshotter)
{
    /// <summary>Runs the timed unpack of every layer of <paramref name="image"/> under <paramref name="leaseId"/>.</summary>
    public Task<UnpackOutcome> UnpackAsync(AcquiredImage image, string leaseId, int runId, CancellationToken cancellationToken) =>
        UnpackAsync(image, CopyChain.Plain(image), leaseId, runId, cancellationToken);

    /// <summary>Runs the timed unpack of every layer of <paramref name="image"/>, committing them under <paramref name="chain"/>'s names.</summary>
    public async Task<UnpackOutcome> UnpackAsync(AcquiredImage image, CopyChain chain, string leaseId, int runId, CancellationToken cancellationToken)
    {
        var nonce = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8];
        var layers = new List<LayerClock>(image.Layers.Count);
        var applied = new List<OciDescriptor>(image.Layers.Count);
        var directories = new List<string>(image.Layers.Count);
        var keys = chain.Names.Select((name, i) => $"extract-{runId}-{chain.Copy}-{i + 1}-{nonce} {name}").ToList();
        string? activeKey = null;
        string? error = null;

        // Each layer starts where the previous one's commit ended: the window has no gaps.
        var clock = Stopwatch.StartNew();
        var mark = clock.ElapsedTicks;
        var firstStart = mark;
        for (var i = 0; i < image.Layers.Count; i++)
        {
            var layer = image.Layers[i];
            var committedName = chain.Names[i];
            var step = "preparing";
            var start = mark;
            try
            {
                activeKey = keys[i];
                var prepared = await connection.Snapshots.PrepareAsync(new PrepareSnapshotRequest
                {
                    Snapshotter = snapshotter,
                    Key = activeKey,
                    Parent = chain.ParentOf(i),
                }, connection.Call(cancellationToken, leaseId));
                var prepareEnd = clock.ElapsedTicks;

                step = "applying";
                var result = await connection.Diff.ApplyAsync(new ApplyRequest
                {
                    Diff = new OciDescriptor { MediaType = layer.MediaType, Digest = layer.Digest.ToString(), Size = layer.Size },
                    Mounts = { prepared.Mounts },
                }, connection.Call(cancellationToken, leaseId));
                var applyEnd = clock.ElapsedTicks;

                if (result.Applied.Digest != image.DiffIds[i].ToString())
                {
                    error = $"layer {i + 1}/{image.Layers.Count} ({layer.Digest.Abbreviated}) unpacked to {result.Applied.Digest}, but the image config says its diff ID is {image.DiffIds[i]}: the image is inconsistent";
                    break;
                }

                step = "committing";
                await connection.Snapshots.CommitAsync(new CommitSnapshotRequest
                {
                    Snapshotter = snapshotter,
                    Name = committedName,
                    Key = activeKey,
                }, connection.Call(cancellationToken, leaseId));
                var commitEnd = clock.ElapsedTicks;
                mark = commitEnd;

                activeKey = null;
                layers.Add(new LayerClock(i, prepareEnd, applyEnd, commitEnd, start));
                applied.Add(result.Applied);
                if (SnapshotDirectories.WritableDirectory(prepared.Mounts) is { } directory)
                {
                    directories.Add(directory);
                }
            }
            catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
            {
                error = $"{step} layer {i + 1}/{image.Layers.Count} ({layer.Digest.Abbreviated}) in {snapshotter}: {ContainerdErrors.Describe(e)}";
                break;
            }
        }

        if (activeKey is not null)
        {
            await RemoveQuietlyAsync(activeKey);
        }

        return new UnpackOutcome
        {
            Layers = layers,
            TotalTicks = mark - firstStart,
            SnapshotDirectories = directories,
            Applied = applied,
            Error = error,
        };
    }

    // After a failed step the extraction snapshot is useless; the cleaner would get it too, but
    // removing it now keeps the failure from leaving an active snapshot behind if the agent stops here.
    private async Task RemoveQuietlyAsync(string key)
    {
        try
        {
            await connection.Snapshots.RemoveAsync(new RemoveSnapshotRequest { Snapshotter = snapshotter, Key = key }, connection.Call(CancellationToken.None, timeout: TimeSpan.FromSeconds(30)));
        }
        catch (RpcException)
        {
            // Not found or containerd gone: nothing more to do here.
        }
    }
}
