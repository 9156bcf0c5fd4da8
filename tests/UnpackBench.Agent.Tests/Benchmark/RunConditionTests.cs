using UnpackBench.Agent.Benchmark;
using UnpackBench.Agent.Calibration;
using UnpackBench.Agent.Tests.Support;
using UnpackBench.Core.Variants;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.Benchmark;

/// <summary>The conditions around each run on a real containerd: page-cache modes, durable runs, floors.</summary>
public sealed class RunConditionTests : IDisposable
{
    private const int BallastBytes = 128 * 1024 * 1024;

    private readonly SessionHarness _harness = new();

    [Fact]
    public async Task Cold_runs_open_their_window_with_no_blob_page_resident_and_durable_runs_record_their_sync()
    {
        var archive = _harness.Archive(layout => SampleImage.Build(layout));
        var settings = _harness.Settings(archive) with { CacheMode = CacheMode.Cold, Durable = true };

        var outcome = await _harness.RunAsync(settings);

        Assert.All(SessionHarness.Successful(outcome.Result.Runs, 2), run =>
        {
            Assert.Equal(0, run.CacheState!.BlobResidentBytes);
            Assert.NotNull(run.CacheState.CachedMb);
            Assert.True(run.SyncSeconds >= 0);
            Assert.Equal(run.DurationSeconds!.Value + run.SyncSeconds!.Value, run.DurableSeconds!.Value, 9);
        });
        Assert.Equal("cold", outcome.Result.BenchmarkConfig.CacheMode);
        Assert.NotNull(outcome.Result.Summary.MedianDurableSeconds);
    }

    [Fact]
    public async Task Warm_runs_record_the_blobs_as_resident()
    {
        var archive = _harness.Archive(layout => SampleImage.Build(layout));

        var outcome = await _harness.RunAsync(_harness.Settings(archive));

        // The previous run (or the acquisition) read every blob, and warm leaves the page cache alone.
        Assert.All(SessionHarness.Successful(outcome.Result.Runs, 2), run => Assert.True(run.CacheState!.BlobResidentBytes > 0));
        Assert.All(outcome.Result.Runs, run => Assert.Null(run.SyncSeconds));
    }

    [Fact]
    public async Task Drop_runs_start_after_the_page_cache_fell_and_record_the_cache_state()
    {
        var archive = _harness.Archive(layout => SampleImage.Build(layout));
        var settings = _harness.Settings(archive) with { CacheMode = CacheMode.Drop };
        var cachedBefore = new List<double>();

        // The sample image adds little to the page cache; a file read just before each run gives the drop
        // something to drop that the noise of other work on the machine cannot hide.
        var ballast = _harness.Path("ballast.bin");
        await File.WriteAllBytesAsync(ballast, new byte[BallastBytes]);
        _harness.Reporter.BeforeRun = () =>
        {
            _ = File.ReadAllBytes(ballast);
            cachedBefore.Add(MeminfoCachedMb());
        };

        var outcome = await _harness.RunAsync(settings);

        var runs = SessionHarness.Successful(outcome.Result.Runs, 2);
        Assert.Equal(2, cachedBefore.Count);
        for (var i = 0; i < runs.Count; i++)
        {
            var state = runs[i].CacheState!;
            Assert.True(state.CachedMb < cachedBefore[i] - (BallastBytes / 2 / 1048576.0), $"run {i + 1}: Cached {state.CachedMb} MB at the start, {cachedBefore[i]} MB before the drop");
            Assert.True(state.MemFreeMb > 0 && state.DirtyMb >= 0 && state.WritebackMb >= 0 && state.CgroupFileMb >= 0, state.ToString());
            Assert.Equal(0, state.BlobResidentBytes);
        }

        Assert.Contains(outcome.Result.Notes, n => n.Contains("drop_caches", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Floors_lie_under_every_layer_of_a_multi_layer_image_and_efficiency_is_between_0_and_1()
    {
        var archive = _harness.Archive(layout => new ImageBuilder(Platform.LinuxAmd64).WithLayers(
        [
            Layer(layout, "base", seed: 1, LayerCompression.Gzip),
            Layer(layout, "lib", seed: 2, LayerCompression.Zstd),
            Layer(layout, "app", seed: 3, LayerCompression.None),
        ]).Build(layout));
        var settings = _harness.Settings(archive) with { Floor = true };

        var outcome = await _harness.RunAsync(settings);

        var runs = SessionHarness.Successful(outcome.Result.Runs, 2);
        var floors = outcome.Result.Floors!;
        Assert.Equal(["unpigz", "zstd", "none"], floors.Layers.Select(l => l.FloorTool));
        for (var i = 0; i < floors.Layers.Count; i++)
        {
            var layer = floors.Layers[i];
            var fastest = runs.Min(r => r.Layers[i].DurationSeconds);
            Assert.True(layer.DecompressFloorSeconds < fastest, $"layer {i + 1}: decompress floor {layer.DecompressFloorSeconds} s, fastest unpack {fastest} s");
            Assert.True(layer.ExtractFloorSeconds > 0, $"layer {i + 1}");
        }

        Assert.All(runs, run => Assert.InRange(run.Efficiency!.Value, double.Epsilon, 1));
        Assert.All(runs, run => Assert.True(run.OverheadVsTar > 0));
        Assert.NotNull(outcome.Result.Summary.Efficiency);
        Assert.Empty(Directory.GetDirectories(Path.Combine(_harness.Root, "root", "io.containerd.snapshotter.v1.overlayfs"), "unpackbench-floor-*"));
    }

    [Fact]
    public async Task What_if_on_an_image_with_a_non_distributable_layer_is_refused_before_any_run()
    {
        var archive = RestrictedArchive.Write(_harness.Path("restricted"));
        var settings = _harness.Settings(archive) with { WhatIf = [new LayerEncoding(LayerCompressionKind.Zstd, 3)] };

        var error = await Assert.ThrowsAsync<UsageException>(() => _harness.RunAsync(settings));

        Assert.Contains("non-distributable", error.Message, StringComparison.Ordinal);
        Assert.Contains("without --what-if", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_harness.Reporter.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^starting \d+/\d+$"));
        ContainerdProcesses.AssertNoneUnder(_harness.Root);
    }

    // Each layer holds 32 MB of the calibration's mixed content (text-like, random and zero segments,
    // about 2× with gzip), so decompressing it takes tens of milliseconds: the floor tools' process
    // start is a small part of a floor, and the unpack, which decompresses, extracts and hashes the same
    // bytes, does clearly more work than the decompression floor alone.
    private const long LayerBytes = 32L * 1024 * 1024;

    private static BuiltLayer Layer(OciLayout layout, string directory, int seed, LayerCompression compression)
    {
        var builder = new LayerBuilder().Directory(directory);
        const int files = 128;
        for (var i = 0; i < files; i++)
        {
            var fileSeed = (ulong)((seed * 100) + i);
            builder.File($"{directory}/file-{i}.bin", FileContent.FromStream(LayerBytes / files, () => new SyntheticContentStream(LayerBytes / files, fileSeed, ContentKind.Mixed)));
        }

        return builder.Build(layout.Blobs, compression);
    }

    private static double MeminfoCachedMb() =>
        File.ReadAllLines("/proc/meminfo").Where(l => l.StartsWith("Cached:", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024).Single();

    public void Dispose() => _harness.Dispose();
}
