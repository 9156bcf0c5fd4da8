using k8s.Models;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Kubernetes;
using UnpackBench.Operator.Metrics;
using UnpackBench.Operator.Reconciliation;

namespace UnpackBench.Operator.Controller;

/// <summary>
/// One reconcile of one key: clean up after a deleted benchmark of that name, gather what is observed
/// of the live one from the caches, let <see cref="BenchmarkReconciler"/> decide, and execute the plan.
/// </summary>
internal sealed class BenchmarkReconcileHandler(
    OperatorOptions options, TimeProvider time, ResourceInformer<V1Alpha1UnpackBenchmark> benchmarks, ResourceInformer<V1Pod> pods,
    ResourceInformer<V1ConfigMap> configMaps, AgentLogFollowers logs, PodCreateFailures createFailures, PlanExecutor executor,
    DeletedBenchmarkCleanup cleanup, OperatorMetrics metrics)
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
        var configMap = configMaps.Get(ns, ObjectNames.ResultConfigMap(benchmark));
        var observed = new ObservedBenchmark(
            benchmark,
            pods.All.Where(p => p.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == uid) == true).ToList(),
            configMap,
            logs.ProgressOf(ns, ObjectNames.AgentPod(benchmark)),
            time.GetUtcNow(),
            createFailures.Of(uid));
        var plan = BenchmarkReconciler.Decide(observed, options);
        await executor.ExecuteAsync(benchmark, plan, configMap, wake, cancellationToken);
        metrics.SetPhases(benchmarks.All);
        return plan.RequeueAfter;
    }
}
