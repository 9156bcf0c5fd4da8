using k8s;
using k8s.Models;
using UnpackBench.Operator.Controller;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Metrics;
using UnpackBench.Operator.Reconciliation;

namespace UnpackBench.Operator.Kubernetes;

/// <summary>
/// Carries out a <see cref="ReconcilePlan"/> in a fixed order: add the finalizer, delete stale pods (and
/// force-delete those of lost nodes), create the agent pods, follow their logs, write the result
/// ConfigMaps (only those that changed), delete stale ones, write the status (only if it changed; a
/// survey's progress at most every few seconds), record events, delete the pods whose end the status now
/// records, remove the finalizer. What it writes goes into the local caches at once,
/// so the next reconcile sees its own writes. A pod the API server refuses ends the plan there; the
/// refusal is recorded and the benchmark reconciled again to report it.
/// </summary>
internal sealed class PlanExecutor(
    PodApi pods, ConfigMapApi configMaps, BenchmarkApi benchmarks, EventRecorder events, AgentLogFollowers logs,
    ResourceInformer<V1Pod> podCache, ResourceInformer<V1ConfigMap> configMapCache, ResourceInformer<V1Alpha1UnpackBenchmark> benchmarkCache,
    PodCreateFailures createFailures, StatusWriteThrottle throttle, OperatorMetrics metrics)
{
    /// <summary>
    /// Executes <paramref name="plan"/> for <paramref name="benchmark"/>; <paramref name="wake"/> re-queues it.
    /// Returns how long a status write that only records progress was held back (reconcile again then), or null.
    /// </summary>
    public async Task<TimeSpan?> ExecuteAsync(V1Alpha1UnpackBenchmark benchmark, ReconcilePlan plan, Action wake, CancellationToken cancellationToken)
    {
        if (plan.Finalizer == FinalizerChange.Add)
        {
            benchmark = Cached(await benchmarks.SetFinalizerAsync(benchmark, on: true, cancellationToken));
        }

        await DeletePodsAsync(plan.PodsToDelete, force: false, cancellationToken);
        await DeletePodsAsync(plan.PodsToForceDelete, force: true, cancellationToken);
        foreach (var wanted in plan.PodsToCreate)
        {
            if (!await TryCreateAsync(benchmark, wanted, wake, cancellationToken))
            {
                return null;
            }
        }

        foreach (var followed in plan.LogsToFollow)
        {
            logs.Ensure(followed, wake);
        }

        foreach (var configMap in plan.ConfigMapsToWrite)
        {
            var existing = configMapCache.Get(configMap.Metadata.NamespaceProperty, configMap.Metadata.Name);
            if (!ResultConfigMapBuilder.IsCurrent(existing, benchmark, configMap))
            {
                configMapCache.Upsert(await configMaps.WriteAsync(configMap, existing, cancellationToken));
            }
        }

        foreach (var stale in plan.ConfigMapsToDelete)
        {
            await configMaps.DeleteAsync(stale, cancellationToken);
        }

        TimeSpan? heldBack = null;
        if (plan.Status is { } status && (benchmark.Status is null || KubernetesJson.Serialize(status) != KubernetesJson.Serialize(benchmark.Status))
            && (heldBack = plan.StatusIsProgress ? throttle.Wait(benchmark.Metadata.Uid) : null) is null)
        {
            benchmark = Cached(await benchmarks.ReplaceStatusAsync(new V1Alpha1UnpackBenchmark { Metadata = benchmark.Metadata, Spec = benchmark.Spec, Status = status }, cancellationToken));
            metrics.SetResult(benchmark);
            metrics.RunsObserved(
                plan.Events.Count(e => e.Reason == EventReasons.RunCompleted) + plan.QuietRuns.Succeeded,
                plan.Events.Count(e => e.Reason == EventReasons.RunFailed) + plan.QuietRuns.Failed);
            foreach (var @event in plan.Events)
            {
                events.Record(benchmark, @event);
            }

            throttle.Written(benchmark.Metadata.Uid);
        }

        if (heldBack is null)
        {
            await DeletePodsAsync(plan.PodsToDeleteOnceRecorded, force: false, cancellationToken);
        }

        if (plan.Finalizer == FinalizerChange.Remove && BenchmarkFinalizer.IsOn(benchmark))
        {
            Cached(await benchmarks.SetFinalizerAsync(benchmark, on: false, cancellationToken));
        }

        return heldBack;
    }

    private async Task DeletePodsAsync(IReadOnlyList<V1Pod> stale, bool force, CancellationToken cancellationToken)
    {
        foreach (var pod in stale)
        {
            if (await pods.DeleteAsync(pod, cancellationToken, force) is { } deleting)
            {
                // A pod removed at once (finished, unbound, forced) comes back without a deletionTimestamp;
                // until the watch reports it gone, the cache shows it as being deleted, so no reconcile
                // deletes it again.
                deleting.Metadata.DeletionTimestamp ??= DateTime.UtcNow;
                podCache.UpdateIfPresent(deleting);
            }

            logs.Forget(pod);
        }
    }

    private async Task<bool> TryCreateAsync(V1Alpha1UnpackBenchmark benchmark, V1Pod wanted, Action wake, CancellationToken cancellationToken)
    {
        try
        {
            podCache.Upsert(await pods.CreateAsync(wanted, cancellationToken));
            createFailures.Clear(benchmark.Metadata.Uid);
            return true;
        }
        catch (ApiRefusal refusal)
        {
            createFailures.Record(benchmark.Metadata.Uid ?? "", benchmark.Metadata.Generation ?? 1, refusal);
            wake();
            return false;
        }
    }

    // A benchmark that is gone after the write (its last finalizer removed) has nothing left to cache.
    private V1Alpha1UnpackBenchmark Cached(V1Alpha1UnpackBenchmark written)
    {
        if (written.Metadata.DeletionTimestamp is null || written.Metadata.Finalizers is { Count: > 0 })
        {
            benchmarkCache.Upsert(written);
        }

        return written;
    }
}
