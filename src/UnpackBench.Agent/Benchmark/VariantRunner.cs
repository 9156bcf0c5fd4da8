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
/// Benchmarks one variant — one snapshotter, one encoding — with the runner's loop, then (with
/// <c>--floor</c>) measures the floors under it once its snapshots are cleared.
/// </summary>
internal sealed class VariantRunner(
    IContainerdHost host, IResourceMonitor monitor, IBenchmarkReporter reporter, TimeProvider time, BenchmarkSettings settings, VariantEnvironment environment)
{
    /// <summary>Replaces the cleaner; only fault-injection tests set it.</summary>
    public Func<ContainerdConnection, string, string?, ISnapshotCleaner>? CleanerFactory { get; init; }

    /// <summary>
    /// Runs the variant. An interrupt (cancellation) does not throw: the outcome keeps the runs completed
    /// so far and says it was interrupted, as does a containerd that stopped answering.
    /// </summary>
    public async Task<VariantOutcome> RunAsync(string snapshotter, LayerEncoding encoding, AcquiredImage image, CancellationToken cancellationToken)
    {
        var ownedSnapshots = host is PrivateContainerd owned
            ? Path.Combine(owned.RootDirectory, $"io.containerd.snapshotter.v1.{snapshotter}", "snapshots")
            : null;
        var cache = new CachePreparer(settings.CacheMode, environment.Blobs);
        var writeback = settings.Durable ? new SnapshotWriteback(environment.SnapshotterRoots[snapshotter]) : null;
        var runner = new BenchmarkRunner(
            host,
            CleanerFactory?.Invoke(host.Connection, snapshotter, ownedSnapshots) ?? new SnapshotCleaner(host.Connection, snapshotter, ownedSnapshots),
            new SnapshotChainVerifier(host.Connection, snapshotter, ownedSnapshots),
            new LayerUnpacker(host.Connection, snapshotter),
            monitor,
            reporter,
            time,
            new RunConditions(settings.Concurrency, cache, new CacheStateReader(monitor, environment.Blobs), writeback));

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

        var outcome = new VariantOutcome
        {
            Snapshotter = snapshotter,
            Encoding = encoding,
            Image = image,
            Runs = [.. runner.Completed],
            Applied = runner.AppliedLayers,
            Interrupted = interrupted,
            AbortReason = runner.AbortReason,
        };
        if (!settings.Floor || interrupted || runner.AbortReason is not null || runner.AppliedLayers is null)
        {
            return outcome;
        }

        reporter.Stage($"{snapshotter}/{encoding.Name}: measuring the decompression and extraction floors (untimed)");
        try
        {
            var floors = await new FloorMeasurer(environment.Blobs!, environment.SnapshotterRoots[snapshotter], cache, environment.FloorTools!)
                .MeasureAsync(image, environment.ContainerdGzip, cancellationToken);
            return outcome with { Floors = floors };
        }
        catch (Exception e) when (e is FloorException or IOException)
        {
            reporter.Warning($"{snapshotter}/{encoding.Name}: the floors could not be measured: {e.Message}");
            return outcome;
        }
    }
}
