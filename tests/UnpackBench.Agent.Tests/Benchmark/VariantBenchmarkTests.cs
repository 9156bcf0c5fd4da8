using Grpc.Core;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Containerd.Api.Content;
using UnpackBench.Agent.Containerd.Api.Images;
using UnpackBench.Agent.Containerd.Api.Snapshots;
using UnpackBench.Agent.Tests.Support;
using UnpackBench.Core.Images;
using UnpackBench.Core.Results;
using UnpackBench.Core.Variants;
using UnpackBench.Testing.Images;
using MediaTypes = UnpackBench.Core.Images.MediaTypes;

namespace UnpackBench.Agent.Tests.Benchmark;

/// <summary>Whole benchmarks with several variants on a real containerd: snapshotters, what-if encodings and concurrent copies.</summary>
public sealed class VariantBenchmarkTests : IDisposable
{
    private readonly SessionHarness _harness = new();

    [Fact]
    public async Task Overlayfs_and_native_run_in_one_benchmark_and_an_unknown_snapshotter_fails_only_its_own_variant()
    {
        var archive = _harness.Archive(layout => SampleImage.Build(layout));
        var settings = _harness.Settings(archive) with { Snapshotters = ["overlayfs", "native", "nosuch"] };

        var outcome = await _harness.RunAsync(settings);

        var variants = outcome.Result.Variants!;
        Assert.Equal(["overlayfs", "native", "nosuch"], variants.Select(v => v.Snapshotter));
        Assert.All(variants.Take(2), v =>
        {
            Assert.Equal(VariantResult.Success, v.Status);
            SessionHarness.Successful(v.Runs, 2);
            Assert.Equal([1, 2], v.Runs.Select(r => r.RunId));
        });
        var unknown = variants[2];
        Assert.Equal(VariantResult.Failed, unknown.Status);
        Assert.Contains("nosuch", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("native", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("overlayfs", unknown.Error, StringComparison.Ordinal);
        Assert.Empty(unknown.Runs);
        Assert.True(outcome.Succeeded);
        Assert.Equal(["overlayfs", "native", "nosuch"], outcome.Result.BenchmarkConfig.Snapshotters);
        Assert.Same(variants[0].Summary, outcome.Result.Summary);
        Assert.Same(variants[0].Runs, outcome.Result.Runs);
    }

    [Fact]
    public async Task Zstd_and_uncompressed_variants_unpack_with_the_media_types_written_and_the_original_diff_ids()
    {
        var archive = _harness.Archive(layout => SampleImage.Build(layout));
        var settings = _harness.Settings(archive) with { WhatIf = [Encoding("zstd"), Encoding("uncompressed"), Encoding("gzip-1")] };

        var outcome = await _harness.RunAsync(settings);

        var variants = outcome.Result.Variants!;
        Assert.Equal(["original", "zstd", "uncompressed", "gzip-1"], variants.Select(v => v.Encoding));
        var originalDiffIds = outcome.Result.Image.Layers.Select(l => l.DiffId).ToList();
        Assert.All(variants, v =>
        {
            // Every run verified the chain after unpacking, and the unpacker checked each applied digest against these diff IDs.
            SessionHarness.Successful(v.Runs, 2);
            Assert.Equal(originalDiffIds, v.Layers.Select(l => l.DiffId));
            Assert.NotNull(v.PullPlusUnpackSeconds);
        });
        Assert.All(variants[1].Layers, l => Assert.Equal(MediaTypes.OciLayerZstd, l.MediaType));
        Assert.All(variants[2].Layers, l => Assert.Equal(MediaTypes.OciLayer, l.MediaType));
        Assert.All(variants[3].Layers, l => Assert.Equal(MediaTypes.OciLayerGzip, l.MediaType));
        Assert.Null(variants[0].Speedup);
        Assert.All(variants.Skip(1), v => Assert.True(v.Speedup is { Ratio: > 0 }, v.Encoding));

        await using var containerd = await _harness.ReopenAsync();
        foreach (var variant in variants.Skip(1))
        {
            await AssertStoredAsync(containerd.Connection, outcome.Result.Image, variant);
        }

        await AssertNoSnapshotsAsync(containerd.Connection, "overlayfs");
    }

    [Fact]
    public async Task A_second_benchmark_reuses_the_stored_variant_instead_of_re_encoding()
    {
        var archive = _harness.Archive(layout => SampleImage.Build(layout));
        var settings = _harness.Settings(archive, runs: 1) with { WhatIf = [Encoding("zstd-19")] };

        var first = await _harness.RunAsync(settings);
        var second = await _harness.RunAsync(settings);

        Assert.Equal(first.Result.Variants![1].Layers.Select(l => l.Digest), second.Result.Variants![1].Layers.Select(l => l.Digest));
        Assert.Contains(_harness.Reporter.Lines, l => l.Contains("zstd-19: reusing the variant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrency_4_unpacks_4_complete_verified_chains_per_run_and_leaves_none()
    {
        var archive = _harness.Archive(layout => SampleImage.Build(layout));
        var settings = _harness.Settings(archive) with { Concurrency = 4 };

        var outcome = await _harness.RunAsync(settings);

        var runs = SessionHarness.Successful(outcome.Result.Runs, 2);
        Assert.All(runs, run =>
        {
            Assert.Equal([1, 2, 3, 4], run.Copies!.Select(c => c.Copy));
            Assert.All(run.Copies!, c => Assert.Equal(3, c.Layers.Count));
            Assert.All(run.Copies!, c => Assert.InRange(c.DurationSeconds!.Value, 0, run.DurationSeconds!.Value));
            Assert.True(run.ThroughputMbPerSecond > 0);
        });
        Assert.True(outcome.Result.Summary.AggregateThroughputMbPerSecond > 0);
        Assert.Equal(4, outcome.Result.BenchmarkConfig.Concurrency);
        Assert.Contains(outcome.Result.Notes, n => n.Contains("unpackbench-copy-k/CHAINID", StringComparison.Ordinal));

        await using var containerd = await _harness.ReopenAsync();
        await AssertNoSnapshotsAsync(containerd.Connection, "overlayfs");
    }

    private static LayerEncoding Encoding(string name) =>
        LayerEncoding.TryParse(name, out var encoding, out var problem) ? encoding! : throw new ArgumentException(problem);

    private static async Task AssertStoredAsync(ContainerdConnection connection, ImageDescription original, VariantResult variant)
    {
        var name = $"variants.unpackbench.io/{Digest.Parse(original.ManifestDigest).Hex}:{variant.Encoding}";
        var record = (await connection.Images.GetAsync(new GetImageRequest { Name = name }, connection.Call(default))).Image;
        var store = new ContentStore(connection);
        var manifest = ImageDocumentParser.ParseManifest(await store.ReadAllAsync(
            new ContentDescriptor(record.Target.MediaType, Digest.Parse(record.Target.Digest), record.Target.Size), default));
        Assert.Equal(original.ConfigDigest, manifest.Config.Digest.ToString());
        Assert.Equal(variant.Layers.Select(l => (l.Digest, l.MediaType)), manifest.Layers.Select(l => (l.Digest.ToString(), l.MediaType)));
        foreach (var layer in variant.Layers)
        {
            var info = await connection.Content.InfoAsync(new InfoRequest { Digest = layer.Digest }, connection.Call(default));
            Assert.Equal(layer.DiffId, info.Info.Labels["containerd.io/uncompressed"]);
        }
    }

    private static async Task AssertNoSnapshotsAsync(ContainerdConnection connection, string snapshotter)
    {
        using var call = connection.Snapshots.List(new ListSnapshotsRequest { Snapshotter = snapshotter }, connection.Call(default));
        var names = new List<string>();
        await foreach (var page in call.ResponseStream.ReadAllAsync())
        {
            names.AddRange(page.Info.Select(i => i.Name));
        }

        Assert.Empty(names);
    }

    public void Dispose() => _harness.Dispose();
}
