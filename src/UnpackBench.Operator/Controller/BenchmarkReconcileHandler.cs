using k8s.Models;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Kubernetes;
using UnpackBench.Operator.Metrics;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Reconciliation.Prediction;

namespace UnpackBench.Operator.Controller;

/// <summary>
/// One reconcile of one key: clean up after a deleted benchmark of that name, gather what is observed
/// of the live one from the caches, let <see cref="BenchmarkReconciler"/> decide, and execute the plan.
/// </summary>
internal sealed class BenchmarkReconcileHandler(
    OperatorOptions options, TimeProvider time, ResourceInformer<V1Alpha1UnpackBenchmark> benchmarks, ResourceInformer<V1Pod> pods,
    ResourceInformer<V1ConfigMap> configMaps, ResourceInformer<V1Node> nodes, AgentLogFollowers logs, PodCreateFailures createFailures, PlanExecutor executor,
    DeletedBenchmarkCleanup cleanup, OperatorMetrics metrics, BaselineStep baselines)
{
    /// <summary>Reconciles <paramref name="key"/>; returns when to reconcile it again without a change, if ever.</summary>
    public async Task<TimeSpan?> ReconcileAsync(string key, Action wake, CancellationToken cancellationToken)
    {
        await cleanup.RunAsync(key, cancellationToken);
        var (ns, name) = ObjectKey.Split(key);
        if (benchmarks.Get(ns, name) is not { } benchmark)
        {
            metrics.SetPhases(benchmarks.All);
            return null;
        }

        var uid = benchmark.Metadata.Uid;
        var observed = new ObservedBenchmark(
            benchmark,
            pods.All.Where(p => ControlledBy(p.Metadata, uid)).ToList(),
            configMaps.Get(ns, ObjectNames.ResultConfigMap(benchmark)),
            logs.ProgressOf(ns, ObjectNames.AgentPod(benchmark)),
            time.GetUtcNow(),
            createFailures.Of(uid))
        {
            // Only surveys need nodes; until the node cache is filled (or if RBAC forbids it) a survey waits.
            Nodes = nodes.Synced.IsCompletedSuccessfully ? [.. nodes.All] : null,
            ConfigMaps = [.. configMaps.All.Where(c => c.Metadata.NamespaceProperty == ns && ControlledBy(c.Metadata, uid))],
            ProgressOf = pod => logs.ProgressOf(ns, pod),
            Calibrations = benchmark.Spec.Mode == BenchmarkMode.Predict ? [.. configMaps.All.Where(c => c.Metadata.NamespaceProperty == ns && CalibrationCatalog.IsCalibration(c))] : [],
        };
        var plan = await baselines.ApplyAsync(observed, BenchmarkReconciler.Decide(observed, options), cancellationToken);
        var heldBack = await executor.ExecuteAsync(benchmark, plan, wake, cancellationToken);
        metrics.SetPhases(benchmarks.All);
        return heldBack is { } wait && (plan.RequeueAfter is null || wait < plan.RequeueAfter) ? wait : plan.RequeueAfter;
    }

    private static bool ControlledBy(V1ObjectMeta metadata, string? uid) =>
        uid is not null && metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == uid) == true;
}
