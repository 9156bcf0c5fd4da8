using k8s;
using k8s.Models;
using UnpackBench.Operator.Controller;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Metrics;
using UnpackBench.Operator.Reconciliation;

namespace UnpackBench.Operator.Kubernetes;

/// <summary>
/// Carries out a <see cref="ReconcilePlan"/> in a fixed order: delete stale pods, create the agent pod,
/// follow its log, write the result ConfigMap, write the status (only if it changed), record events.
/// What it writes goes into the local caches at once, so the next reconcile sees its own writes.
/// </summary>
internal sealed class PlanExecutor(
    PodApi pods, ConfigMapApi configMaps, BenchmarkApi benchmarks, EventRecorder events, AgentLogFollowers logs,
    ResourceInformer<V1Pod> podCache, ResourceInformer<V1ConfigMap> configMapCache, ResourceInformer<V1Alpha1UnpackBenchmark> benchmarkCache,
    OperatorMetrics metrics)
{
    /// <summary>Executes <paramref name="plan"/> for <paramref name="benchmark"/>; <paramref name="wake"/> re-queues it when its agent logs.</summary>
    public async Task ExecuteAsync(V1Alpha1UnpackBenchmark benchmark, ReconcilePlan plan, V1ConfigMap? existingConfigMap, Action wake, CancellationToken cancellationToken)
    {
        foreach (var stale in plan.PodsToDelete)
        {
            await pods.DeleteAsync(stale, cancellationToken);
            logs.Forget(stale);
        }

        if (plan.PodToCreate is { } wanted)
        {
            podCache.Upsert(await pods.CreateAsync(wanted, cancellationToken));
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
            var updated = await benchmarks.ReplaceStatusAsync(
                new V1Alpha1UnpackBenchmark { Metadata = benchmark.Metadata, Spec = benchmark.Spec, Status = status }, cancellationToken);
            benchmarkCache.Upsert(updated);
            metrics.SetResult(updated);
            metrics.RunsObserved(plan.Events.Count(e => e.Reason == "RunCompleted"), plan.Events.Count(e => e.Reason == "RunFailed"));
            foreach (var @event in plan.Events)
            {
                events.Record(updated, @event);
            }
        }
    }
}
