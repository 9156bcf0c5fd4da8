using k8s;
using k8s.Models;
using UnpackBench.Operator.Controller;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Metrics;
using UnpackBench.Operator.Reconciliation;

namespace UnpackBench.Operator.Kubernetes;

/// <summary>
/// Carries out a <see cref="ReconcilePlan"/> in a fixed order: add the finalizer, delete stale pods,
/// create the agent pod, follow its log, write the result ConfigMap, write the status (only if it
/// changed), record events, remove the finalizer. What it writes goes into the local caches at once,
/// so the next reconcile sees its own writes. A pod the API server refuses ends the plan there; the
/// refusal is recorded and the benchmark reconciled again to report it.
/// </summary>
internal sealed class PlanExecutor(
    PodApi pods, ConfigMapApi configMaps, BenchmarkApi benchmarks, EventRecorder events, AgentLogFollowers logs,
    ResourceInformer<V1Pod> podCache, ResourceInformer<V1ConfigMap> configMapCache, ResourceInformer<V1Alpha1UnpackBenchmark> benchmarkCache,
    PodCreateFailures createFailures, OperatorMetrics metrics)
{
    /// <summary>Executes <paramref name="plan"/> for <paramref name="benchmark"/>; <paramref name="wake"/> re-queues it.</summary>
    public async Task ExecuteAsync(V1Alpha1UnpackBenchmark benchmark, ReconcilePlan plan, V1ConfigMap? existingConfigMap, Action wake, CancellationToken cancellationToken)
    {
        if (plan.Finalizer == FinalizerChange.Add)
        {
            benchmark = Cached(await benchmarks.SetFinalizerAsync(benchmark, on: true, cancellationToken));
        }

        foreach (var stale in plan.PodsToDelete)
        {
            if (await pods.DeleteAsync(stale, cancellationToken) is { } deleting)
            {
                podCache.Upsert(deleting);
            }

            logs.Forget(stale);
        }

        if (plan.PodToCreate is { } wanted && !await TryCreateAsync(benchmark, wanted, wake, cancellationToken))
        {
            return;
        }

        if (plan.FollowLogsOf is { } followed)
        {
            logs.Ensure(followed, wake);
        }

        if (plan.ConfigMapToWrite is { } configMap && !ResultConfigMapBuilder.IsCurrent(existingConfigMap, benchmark, configMap))
        {
            configMapCache.Upsert(await configMaps.WriteAsync(configMap, existingConfigMap, cancellationToken));
        }

        if (plan.Status is { } status && (benchmark.Status is null || KubernetesJson.Serialize(status) != KubernetesJson.Serialize(benchmark.Status)))
        {
            benchmark = Cached(await benchmarks.ReplaceStatusAsync(new V1Alpha1UnpackBenchmark { Metadata = benchmark.Metadata, Spec = benchmark.Spec, Status = status }, cancellationToken));
            metrics.SetResult(benchmark);
            metrics.RunsObserved(plan.Events.Count(e => e.Reason == "RunCompleted"), plan.Events.Count(e => e.Reason == "RunFailed"));
            foreach (var @event in plan.Events)
            {
                events.Record(benchmark, @event);
            }
        }

        if (plan.Finalizer == FinalizerChange.Remove && BenchmarkFinalizer.IsOn(benchmark))
        {
            Cached(await benchmarks.SetFinalizerAsync(benchmark, on: false, cancellationToken));
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
