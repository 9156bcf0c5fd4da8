using System.Collections.Concurrent;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using UnpackBench.Operator.Reconciliation;

namespace UnpackBench.Operator.Kubernetes;

/// <summary>
/// One background reader per agent pod, streaming its log into an <see cref="AgentLogAccumulator"/> and
/// waking the benchmark's reconcile on every event — one long request per benchmark instead of polling.
/// A stream that ends while the pod still runs (API server restart, timeout) is reopened and read again
/// from the start, which the accumulator tolerates; one that ends after the pod exited completes it.
/// </summary>
/// <param name="pods">Opens pod logs.</param>
/// <param name="currentState">The pod as the informer cache has it now (no API request), or null when it is gone.</param>
/// <param name="logger">Where retries are logged.</param>
internal sealed class AgentLogFollowers(PodApi pods, Func<V1Pod, V1Pod?> currentState, ILogger logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Follower> _followers = new();
    private readonly CancellationTokenSource _shutdown = new();

    /// <summary>
    /// What the agent of pod <paramref name="name"/> has reported so far (empty if nobody followed it).
    /// Kept after the pod is gone, so a lost agent's completed runs can still be saved.
    /// </summary>
    public AgentProgress ProgressOf(string? @namespace, string name) =>
        _followers.TryGetValue(Key(@namespace, name), out var follower) ? follower.Log.Snapshot() : AgentProgress.Empty;

    /// <summary>
    /// Starts following <paramref name="pod"/> unless someone already is; <paramref name="changed"/> runs on
    /// every new event. A reader that gave up (the API was unreachable too long) is started again, keeping
    /// what it had read.
    /// </summary>
    public void Ensure(V1Pod pod, Action changed)
    {
        var follower = _followers.GetOrAdd(Key(pod.Metadata.NamespaceProperty, pod.Metadata.Name), _ => new Follower(new AgentLogAccumulator()));
        lock (follower)
        {
            if (follower.Task is { IsCompleted: false } || follower.Log.Snapshot().LogComplete)
            {
                return;
            }

            follower.Log.Retry();
            follower.Task = Task.Run(() => FollowAsync(pod, follower.Log, changed, _shutdown.Token));
        }
    }

    /// <summary>Drops what was read from a pod that is no longer of interest (an older generation's, or its benchmark's gone).</summary>
    public void Forget(V1Pod pod) => _followers.TryRemove(Key(pod.Metadata.NamespaceProperty, pod.Metadata.Name), out _);

    /// <summary>Drops every pod of a deleted benchmark (the pods <paramref name="belongs"/> picks by name).</summary>
    public void ForgetAll(string? @namespace, Func<string, bool> belongs)
    {
        foreach (var key in _followers.Keys.Where(k => k.StartsWith($"{@namespace}/", StringComparison.Ordinal) && belongs(k[(k.IndexOf('/', StringComparison.Ordinal) + 1)..])))
        {
            _followers.TryRemove(key, out _);
        }
    }

    private static string Key(string? @namespace, string name) => $"{@namespace}/{name}";

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
                // 400 while the container is still starting; anything else is worth a few retries.
                if (++failures >= 20 || e is HttpOperationException { Response.StatusCode: System.Net.HttpStatusCode.NotFound })
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
