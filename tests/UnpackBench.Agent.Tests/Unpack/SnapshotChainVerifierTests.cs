using UnpackBench.Agent.Containerd.Api.Leases;
using UnpackBench.Agent.Containerd.Api.Snapshots;
using UnpackBench.Agent.Tests.Support;
using UnpackBench.Agent.Unpack;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.Unpack;

public sealed class SnapshotChainVerifierTests(ContainerdTestHost host) : IClassFixture<ContainerdTestHost>
{
    [Fact]
    public async Task A_committed_base_layer_before_the_run_is_reported_as_a_leftover()
    {
        var layout = OciLayout.Create(host.Path("layout-leftover"));
        var image = await host.AcquireAsync(SampleImage.Build(layout), "leftover");
        var verifier = new SnapshotChainVerifier(host.Connection, "overlayfs", null);
        Assert.Null(await verifier.FindLeftoversAsync(image, [], default));

        var lease = $"test-{Guid.NewGuid():N}";
        await host.Connection.Leases.CreateAsync(new CreateRequest { Id = lease }, host.Connection.Call(default));
        var outcome = await new LayerUnpacker(host.Connection, "overlayfs").UnpackAsync(image with { Layers = [image.Layers[0]], DiffIds = [image.DiffIds[0]] }, lease, 1, default);
        Assert.Null(outcome.Error);

        var leftover = await verifier.FindLeftoversAsync(image, [], default);
        Assert.NotNull(leftover);
        Assert.Contains("layer 1/3", leftover);
        Assert.Contains("absurdly fast", leftover);

        var gap = await verifier.FindGapsAsync(image, default);
        Assert.NotNull(gap);
        Assert.Contains("layer 2/3", gap);

        await new SnapshotCleaner(host.Connection, "overlayfs", null).ClearAsync(outcome.SnapshotDirectories, default);
        Assert.Null(await verifier.FindLeftoversAsync(image, outcome.SnapshotDirectories, default));
    }

    [Fact]
    public async Task A_stray_active_snapshot_is_reported_as_a_leftover()
    {
        var layout = OciLayout.Create(host.Path("layout-stray"));
        var image = await host.AcquireAsync(SampleImage.Build(layout), "stray");
        var lease = $"test-{Guid.NewGuid():N}";
        await host.Connection.Leases.CreateAsync(new CreateRequest { Id = lease }, host.Connection.Call(default));
        await host.Connection.Snapshots.PrepareAsync(new PrepareSnapshotRequest { Snapshotter = "native", Key = "stray" }, host.Connection.Call(default, lease));
        var verifier = new SnapshotChainVerifier(host.Connection, "native", null);

        var leftover = await verifier.FindLeftoversAsync(image, [], default);

        Assert.NotNull(leftover);
        Assert.Contains("'stray'", leftover);
        await new SnapshotCleaner(host.Connection, "native", null).ClearAsync([], default);
    }
}
