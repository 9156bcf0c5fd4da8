using UnpackBench.Agent.Containerd.Api.Leases;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Tests.Support;
using UnpackBench.Agent.Unpack;
using UnpackBench.Core.Images;
using UnpackBench.Testing.FileTrees;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.Unpack;

public sealed class LayerUnpackerTests(ContainerdTestHost host) : IClassFixture<ContainerdTestHost>
{
    [Theory]
    [InlineData("overlayfs")]
    [InlineData("native")]
    public async Task Unpacked_tree_matches_the_files_of_the_image(string snapshotter)
    {
        var layout = OciLayout.Create(host.Path($"layout-{snapshotter}"));
        var built = SampleImage.Build(layout);
        var image = await host.AcquireAsync(built, $"sample-{snapshotter}");

        var outcome = await UnpackAsync(image, snapshotter, runId: 1);

        Assert.Null(outcome.Error);
        await using (var view = await SnapshotMount.ViewAsync(host.Connection, snapshotter, image.ChainIds[^1].ToString()))
        {
            FileTreeAssert.Equal(built.ExpectedTree, FileTreeReader.Read(view.Path));
        }

        await CleanAsync(snapshotter, outcome);
    }

    [Fact]
    public async Task Per_layer_steps_add_up_to_each_layer_and_layers_add_up_to_the_run()
    {
        var layout = OciLayout.Create(host.Path("layout-sum"));
        var image = await host.AcquireAsync(SampleImage.Build(layout), "sum");

        var outcome = await UnpackAsync(image, "overlayfs", runId: 2);

        Assert.Null(outcome.Error);
        Assert.Equal(image.Layers.Count, outcome.Layers.Count);
        // Consecutive readings of one clock: exact in ticks, no tolerance needed.
        Assert.Equal(outcome.TotalTicks, outcome.Layers.Sum(l => l.Total));
        Assert.All(outcome.Layers, l => Assert.True(l.Start <= l.PrepareEnd && l.PrepareEnd <= l.ApplyEnd && l.ApplyEnd <= l.CommitEnd));
        Assert.All(outcome.Layers.Skip(1).Zip(outcome.Layers), pair => Assert.Equal(pair.Second.CommitEnd, pair.First.Start));
        await CleanAsync("overlayfs", outcome);
    }

    [Fact]
    public async Task Uncompressed_sizes_reported_by_the_differ_equal_the_layer_tars()
    {
        var layout = OciLayout.Create(host.Path("layout-sizes"));
        var built = SampleImage.Build(layout);
        var image = await host.AcquireAsync(built, "sizes");

        var outcome = await UnpackAsync(image, "overlayfs", runId: 3);

        Assert.Equal(built.Layers.Select(l => l.UncompressedSize), outcome.Applied.Select(a => a.Size));
        Assert.Equal(built.DiffIds, outcome.Applied.Select(a => a.Digest));
        await CleanAsync("overlayfs", outcome);
    }

    [Fact]
    public async Task A_layer_whose_content_differs_from_the_config_diff_id_fails_the_unpack_and_leaves_no_active_snapshot()
    {
        var layout = OciLayout.Create(host.Path("layout-lie"));
        var image = await host.AcquireAsync(SampleImage.Build(layout), "lie");
        var lying = image with { DiffIds = [image.DiffIds[0], Digest.Sha256Of("not the second layer"), image.DiffIds[2]] };

        var outcome = await UnpackAsync(lying, "overlayfs", runId: 4);

        Assert.NotNull(outcome.Error);
        Assert.Contains("layer 2/3", outcome.Error);
        Assert.Contains("diff ID", outcome.Error);
        Assert.Single(outcome.Layers);
        var keys = await new SnapshotChainVerifier(host.Connection, "overlayfs", null).ListKeysAsync(default);
        Assert.DoesNotContain(keys, k => k.StartsWith("extract-", StringComparison.Ordinal));
        await CleanAsync("overlayfs", outcome);
    }

    private async Task<UnpackOutcome> UnpackAsync(AcquiredImage image, string snapshotter, int runId)
    {
        var lease = $"test-{Guid.NewGuid():N}";
        await host.Connection.Leases.CreateAsync(new CreateRequest { Id = lease }, host.Connection.Call(default));
        return await new LayerUnpacker(host.Connection, snapshotter).UnpackAsync(image, lease, runId, default);
    }

    private Task CleanAsync(string snapshotter, UnpackOutcome outcome) =>
        new SnapshotCleaner(host.Connection, snapshotter, null).ClearAsync(outcome.SnapshotDirectories, default);
}
