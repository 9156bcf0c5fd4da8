using UnpackBench.Agent.Cache;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Floors;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Reporting;
using UnpackBench.Agent.Sampling;
using UnpackBench.Agent.Unpack;
using UnpackBench.Core.Variants;

namespace UnpackBench.Agent.Benchmark;

/// <summary>
/// Benchmarks one variant — one snapshotter, one encoding — with the runner's loop, and (with
/// <c>--floor</c>) measures the floors under a variant once every variant's timed runs are over.
/// </summary>
internal sealed class VariantRunner(
    IContainerdHost host, IResourceMonitor monitor, IBenchmarkReporter reporter, TimeProvider time, BenchmarkSettings settings, VariantEnvironment environment)
{
    /// <summary>Replaces the cleaner; only fault-injection tests set it.</summary>
    public Func<ContainerdConnection, string, string?, ISnapshotCleaner>? CleanerFactory { get; init; }

    /// <summary>
    /// Runs the variant's warm-up and timed runs. An interrupt (cancellation) does not throw: the outcome
    /// keeps the runs completed so far and says it was interrupted, as does a containerd that stopped answering.
    /// </summary>
    public async Task<VariantOutcome> RunAsync(string snapshotter, LayerEncoding encoding, AcquiredImage image, CancellationToken cancellationToken)
    {
        var runner = CreateRunner(snapshotter);
        var interrupted = false;
        try
        {
            await runner.RunAsync(image, settings.WarmupRuns, settings.Runs, cancellationToken);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C in a terminal signals containerd too, so whatever was in flight may fail
            // rather than cancel; either way the cause is the interrupt.
            interrupted = true;
        }

        return new VariantOutcome
        {
            Snapshotter = snapshotter,
            Encoding = encoding,
            Image = image,
            Runs = [.. runner.Completed],
            Applied = runner.AppliedLayers,
            Interrupted = interrupted,
            AbortReason = runner.AbortReason,
        };
    }

    /// <summary>
    /// The outcome with its floors, measured now; unchanged when it has no successful run. A tool that
    /// fails leaves the floors out with a warning; an interrupt marks the outcome interrupted.
    /// </summary>
    public async Task<VariantOutcome> WithFloorsAsync(VariantOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Applied is null)
        {
            return outcome;
        }

        var label = $"{outcome.Snapshotter}/{outcome.Encoding.Name}";
        reporter.Stage($"{label}: measuring the decompression and extraction floors (untimed)");
        try
        {
            var measurer = new FloorMeasurer(environment.Blobs!, environment.SnapshotterRoots[outcome.Snapshotter], Cache(), environment.FloorTools!, environment.ContainerdCgroup);
            return outcome with { Floors = await measurer.MeasureAsync(outcome.Image, environment.ContainerdGzip, cancellationToken) };
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            return outcome with { Interrupted = true };
        }
        catch (Exception e) when (e is FloorException or IOException)
        {
            reporter.Warning($"{label}: the floors could not be measured: {e.Message}");
            return outcome;
        }
    }

    private BenchmarkRunner CreateRunner(string snapshotter)
    {
        var ownedSnapshots = host is PrivateContainerd owned
            ? Path.Combine(owned.RootDirectory, $"io.containerd.snapshotter.v1.{snapshotter}", "snapshots")
            : null;
        var writeback = settings.Durable ? new SnapshotWriteback(environment.SnapshotterRoots[snapshotter]) : null;
        return new BenchmarkRunner(
            host,
            CleanerFactory?.Invoke(host.Connection, snapshotter, ownedSnapshots) ?? new SnapshotCleaner(host.Connection, snapshotter, ownedSnapshots),
            new SnapshotChainVerifier(host.Connection, snapshotter, ownedSnapshots),
            new LayerUnpacker(host.Connection, snapshotter),
            monitor,
            reporter,
            time,
            new RunConditions(settings.Concurrency, Cache(), new CacheStateReader(monitor, environment.Blobs), writeback));
    }

    private CachePreparer Cache() => new(settings.CacheMode, environment.Blobs);
}
