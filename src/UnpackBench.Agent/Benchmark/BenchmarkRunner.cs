using Grpc.Core;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Containerd.Api;
using UnpackBench.Agent.Containerd.Api.Leases;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Reporting;
using UnpackBench.Agent.Sampling;
using UnpackBench.Agent.Unpack;
using UnpackBench.Core.Results;
using UnpackBench.Core.Statistics;

namespace UnpackBench.Agent.Benchmark;

/// <summary>
/// Runs the warm-up and timed runs of one variant. Each run: clear → verify clean → set up the page
/// cache → record its state → timed unpack of every copy → (durable: timed syncfs) → verify complete.
/// A run that fails a check or a step is recorded as failed with the reason and the layers it
/// completed; the next run still gets a clean start. If containerd itself dies, the remaining runs are
/// abandoned and the ones completed are kept.
/// </summary>
internal sealed class BenchmarkRunner(
    IContainerdHost host, ISnapshotCleaner cleaner, SnapshotChainVerifier verifier, LayerUnpacker unpacker,
    IResourceMonitor monitor, IBenchmarkReporter reporter, TimeProvider time, RunConditions conditions)
{
    private List<string> _lastDirectories = [];

    /// <summary>The applied descriptors of the last successful run, which give the uncompressed sizes.</summary>
    public IReadOnlyList<OciDescriptor>? AppliedLayers { get; private set; }

    /// <summary>Set when the benchmark had to stop early; the runs list holds what completed.</summary>
    public string? AbortReason { get; private set; }

    /// <summary>The timed runs completed so far; kept when the benchmark is interrupted.</summary>
    public List<RunResult> Completed { get; } = [];

    /// <summary>Runs the benchmark; the timed runs end up in <see cref="Completed"/>.</summary>
    public async Task RunAsync(AcquiredImage image, int warmupRuns, int runs, CancellationToken cancellationToken)
    {
        try
        {
            reporter.Stage("clearing snapshots left by acquisition or earlier runs");
            await cleaner.ClearAsync(_lastDirectories, cancellationToken);
            if (await new UnpackPathWarmer(host.Connection, unpacker).WarmAsync(time, cancellationToken) is { } warmupError)
            {
                reporter.Warning($"warming up the unpack path failed ({warmupError}); the first run may include start-up costs");
            }

            await cleaner.ClearAsync(_lastDirectories, cancellationToken);
            for (var i = 1; i <= warmupRuns; i++)
            {
                reporter.RunStarting(i, warmupRuns, warmup: true);
                reporter.RunFinished(await RunOnceAsync(image, i, cancellationToken), warmupRuns, warmup: true);
            }

            for (var i = 1; i <= runs; i++)
            {
                reporter.RunStarting(i, runs, warmup: false);
                var run = await RunOnceAsync(image, i, cancellationToken);
                Completed.Add(run);
                reporter.RunFinished(run, runs, warmup: false);
            }

            await cleaner.ClearAsync(_lastDirectories, cancellationToken);
        }
        catch (Exception e) when (e is ContainerdException or RpcException && !cancellationToken.IsCancellationRequested)
        {
            AbortReason = DescribeAbort(e);
        }
    }

    private async Task<RunResult> RunOnceAsync(AcquiredImage image, int runId, CancellationToken cancellationToken)
    {
        var clearStart = time.GetTimestamp();
        await cleaner.ClearAsync(_lastDirectories, cancellationToken);
        var clearSeconds = time.GetElapsedTime(clearStart).TotalSeconds;

        var chains = CopyChain.For(image, conditions.Copies);
        if (await verifier.FindLeftoversAsync(chains, _lastDirectories, cancellationToken) is { } leftover)
        {
            return Failed(runId, $"not a clean start: {leftover}", clearSeconds, null, image, null);
        }

        var digests = image.Layers.Select(l => l.Digest).ToList();
        if (conditions.Cache.Prepare(digests) is { } stayed)
        {
            reporter.Warning($"run {runId}: {stayed}");
        }

        var cacheState = conditions.CacheState.Read(digests);
        var leaseId = $"{SnapshotCleaner.RunLeasePrefix}{runId}-{Guid.NewGuid():N}";
        var lease = new CreateRequest { Id = leaseId };
        lease.Labels.Add(GcLabels.Expiring(time, TimeSpan.FromHours(24)));
        await host.Connection.Leases.CreateAsync(lease, host.Connection.Call(cancellationToken));

        // The monitor's reads and resets happen here and after the unpack, outside its clock.
        var window = await monitor.BeginAsync(cancellationToken);
        var startedAt = time.GetUtcNow();
        var outcome = await new ConcurrentUnpacker(unpacker).UnpackAsync(image, chains, leaseId, runId, cancellationToken);
        var metrics = await window.EndAsync(cancellationToken);
        var syncSeconds = outcome.Error is null ? conditions.Writeback?.SyncSeconds() : null;
        _lastDirectories = [.. outcome.SnapshotDirectories];
        var measured = Failed(runId, "", clearSeconds, startedAt, image, outcome) with
        {
            Metrics = metrics,
            PeakMetrics = metrics is null ? new PeakMetrics() : SeriesDownsampler.Peaks(metrics.Series),
            CacheState = cacheState,
        };
        if (outcome.Error is not null)
        {
            return measured with { Error = outcome.Error };
        }

        if (await verifier.FindGapsAsync(chains, cancellationToken) is { } gap)
        {
            return measured with { Error = $"incomplete unpack: {gap}" };
        }

        AppliedLayers = outcome.Copies[0].Applied;
        var duration = RunTimings.Seconds(outcome.WallTicks);
        return measured with
        {
            Status = RunResult.Success,
            Error = null,
            DurationSeconds = duration,
            SyncSeconds = syncSeconds,
            DurableSeconds = duration + syncSeconds,
        };
    }

    private static RunResult Failed(int runId, string error, double clearSeconds, DateTimeOffset? startedAt, AcquiredImage image, ConcurrentOutcome? outcome) => new()
    {
        RunId = runId,
        Status = RunResult.Failed,
        Error = error,
        StartedAt = startedAt,
        ClearSeconds = clearSeconds,
        Layers = outcome is null ? [] : RunTimings.Layers(image, outcome.Copies[0]),
        Copies = outcome is null ? null : RunTimings.Copies(image, outcome),
    };

    private string DescribeAbort(Exception e)
    {
        var what = e is RpcException rpc ? ContainerdErrors.Describe(rpc) : e.Message;
        if (host.Exited.IsCompleted)
        {
            what = $"containerd exited during the benchmark ({what}); its last log lines:{Environment.NewLine}{host.LogTail()}";
        }

        return $"benchmark stopped early: {what}";
    }
}
