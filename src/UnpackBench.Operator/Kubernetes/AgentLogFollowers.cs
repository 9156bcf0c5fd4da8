using System.Collections.Concurrent;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using UnpackBench.Operator.Controller;
using UnpackBench.Operator.Reconciliation;

namespace UnpackBench.Operator.Kubernetes;

/// <summary>
/// One background reader per agent pod, streaming its log into an <see cref="AgentLogAccumulator"/> and
/// waking the benchmark's reconcile on every event — one long request per benchmark instead of polling.
/// A stream that ends while the pod still runs (API server restart, timeout) is reopened and read again
/// from the start, which the accumulator tolerates; one that ends after the pod exited completes it.
/// A log that cannot be read costs at most <see cref="MaxFailures"/> requests while the agent runs and
/// as many after it exited.
/// </summary>
/// <param name="pods">Opens pod logs.</param>
/// <param name="currentState">The pod as the informer cache has it now (no API request), or null when it is gone.</param>
/// <param name="logger">Where retries are logged.</param>
internal sealed class AgentLogFollowers(PodApi pods, Func<V1Pod, V1Pod?> currentState, ILogger logger) : IAsyncDisposable
{
    /// <summary>Failed reads in a row before a reader gives up.</summary>
    public const int MaxFailures = 3;

    private readonly ConcurrentDictionary<string, Follower> _followers = new();
    private readonly CancellationTokenSource _shutdown = new();

    /// <summary>
    /// What the agent of pod <paramref name="name"/> has reported so far (empty if nobody followed it).
    /// Kept after the pod is gone, so a lost agent's completed runs can still be saved.
    /// </summary>
    public AgentProgress ProgressOf(string? @namespace, string name) =>
        _followers.TryGetValue(ObjectKey.Of(@namespace, name), out var follower) ? follower.Log.Snapshot() : AgentProgress.Empty;

    /// <summary>
    /// Starts following <paramref name="pod"/> unless someone already is; <paramref name="changed"/> runs on
    /// every new event. A reader that gave up is started once more after the agent has exited: that read
    /// gets the whole log if it can be had at all, and if it fails too the log counts as unavailable
    /// (<see cref="AgentProgress.LogUnavailable"/>) and the verdict comes from the termination message.
    /// </summary>
    public void Ensure(V1Pod pod, Action changed)
    {
        var follower = _followers.GetOrAdd(ObjectKey.Of(pod), _ => new Follower(new AgentLogAccumulator()));
        lock (follower)
        {
            var progress = follower.Log.Snapshot();
            var exited = PodObservation.IsTerminal(pod);
            var retryAfterExit = progress.LogError is not null && exited && !progress.LogReadAfterExit;
            if (follower.Task is { IsCompleted: false } || progress.LogComplete || (follower.Task is not null && !retryAfterExit))
            {
                return;
            }

            follower.Log.Retry(afterExit: exited);
            follower.Task = Task.Run(() => FollowAsync(pod, follower.Log, changed, _shutdown.Token));
        }
    }

    /// <summary>Drops what was read from a pod that is no longer of interest (an older generation's, or its benchmark's gone).</summary>
    public void Forget(V1Pod pod) => _followers.TryRemove(ObjectKey.Of(pod), out _);

    /// <summary>Pods being followed, for metrics and tests.</summary>
    public int Count => _followers.Count;

    private async Task FollowAsync(V1Pod pod, AgentLogAccumulator log, Action changed, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using (var stream = await pods.OpenLogAsync(pod, cancellationToken))
                using (var reader = new StreamReader(stream))
                {
                    while (await reader.ReadLineAsync(cancellationToken) is { } line)
                    {
                        failures = 0;
                        if (log.Apply(line))
                        {
                            changed();
                        }
                    }
                }

                if (await HasEndedAsync(pod, cancellationToken))
                {
                    log.Complete();
                    changed();
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException)
            {
                // A few tries ride out a blip; where the API server cannot reach the kubelet at all (firewalls,
                // konnectivity, kubelet certificates) every try fails alike, and each one is a request.
                if (++failures >= MaxFailures || e is HttpOperationException { Response.StatusCode: System.Net.HttpStatusCode.NotFound })
                {
                    log.Fail(e.Message);
                    changed();
                    return;
                }

                logger.LogDebug("reading the log of {Pod} failed ({Error}); retrying", pod.Metadata.Name, e.Message);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 * (1 << Math.Min(failures, 5)))), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // The stream ends when the container exits, usually a moment before the kubelet's status update
    // reaches the cache; wait for it there rather than asking the API server.
    private async Task<bool> HasEndedAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 50; i++)
        {
            var current = currentState(pod);
            if (current is null || current.Metadata.Uid != pod.Metadata.Uid || PodObservation.IsTerminal(current))
            {
                return true;
            }

            await Task.Delay(100, cancellationToken);
        }

        return false;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        await Task.WhenAll(_followers.Values.Select(f => f.Task ?? Task.CompletedTask)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _shutdown.Dispose();
    }

    private sealed class Follower(AgentLogAccumulator log)
    {
        public AgentLogAccumulator Log { get; } = log;

        public Task? Task { get; set; }
    }
}
