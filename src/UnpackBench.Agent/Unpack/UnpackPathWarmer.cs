using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Containerd.Api.Leases;
using UnpackBench.Agent.Images;
using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Unpack;

/// <summary>
/// Runs the unpack path once, untimed, on an empty layer before the first timed run. The first gRPC
/// call of each kind pays for just-in-time compilation and stream set-up in the agent; without this,
/// run 1 of every benchmark would carry that cost inside its timed window. The snapshots it makes are
/// cleared like any run's.
/// </summary>
internal sealed class UnpackPathWarmer(ContainerdConnection connection, LayerUnpacker unpacker)
{
    // A tar archive with no entries: two 512-byte zero blocks.
    private static readonly byte[] EmptyTar = new byte[1024];

    /// <summary>Unpacks the empty layer; returns why it failed, or null.</summary>
    public async Task<string?> WarmAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var leaseId = $"{SnapshotCleaner.RunLeasePrefix}warmup-{Guid.NewGuid():N}";
        var lease = new CreateRequest { Id = leaseId };
        lease.Labels.Add(GcLabels.Expiring(time, TimeSpan.FromHours(1)));
        await connection.Leases.CreateAsync(lease, connection.Call(cancellationToken));

        var digest = Digest.Sha256Of(EmptyTar);
        var layer = new ContentDescriptor(MediaTypes.OciLayer, digest, EmptyTar.Length);
        await new ContentStore(connection).WriteAsync(layer, EmptyTar, new Dictionary<string, string>(), leaseId, cancellationToken);
        var image = new AcquiredImage
        {
            Name = "warm-up",
            Source = "warm-up",
            Root = layer,
            Manifest = layer,
            Config = layer,
            Platform = new Platform("linux", "amd64", ""),
            Layers = [layer],
            DiffIds = [digest],
            DownloadedBytes = 0,
        };
        var outcome = await unpacker.UnpackAsync(image, leaseId, runId: 0, cancellationToken);
        return outcome.Error;
    }
}
