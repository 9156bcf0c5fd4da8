using k8s.Models;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Kubernetes;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Reconciliation.Baseline;

namespace UnpackBench.Operator.Controller;

/// <summary>
/// Gathers what <see cref="BaselineReconciler"/> decides from — the baseline benchmark and its ConfigMaps
/// from the caches, or a baseline ConfigMap read from the API when a comparison is due — and lets it
/// amend the plan. A benchmark without spec.baseline costs nothing here.
/// </summary>
internal sealed class BaselineStep(
    ResourceInformer<V1Alpha1UnpackBenchmark> benchmarks, ResourceInformer<V1ConfigMap> configMaps, BaselineConfigMapReader reader)
{
    /// <summary>The plan for <paramref name="observed"/>'s benchmark with its comparison applied.</summary>
    public async Task<ReconcilePlan> ApplyAsync(ObservedBenchmark observed, ReconcilePlan plan, CancellationToken cancellationToken)
    {
        var benchmark = observed.Benchmark;
        if (benchmark.Spec.Baseline is not { } spec || benchmark.Metadata.DeletionTimestamp is not null)
        {
            return plan;
        }

        var ns = benchmark.Metadata.NamespaceProperty;
        var baseline = string.IsNullOrEmpty(spec.Benchmark) ? null : benchmarks.Get(ns, spec.Benchmark);
        var read = BaselineReconciler.ConfigMapToRead(benchmark, plan) is { } name ? await reader.ReadAsync(ns, name, cancellationToken) : null;
        var baseObserved = new ObservedBaseline(benchmark, observed.ConfigMaps, observed.Now)
        {
            BaselineBenchmark = baseline,
            BaselineConfigMaps = baseline?.Metadata.Uid is { } uid
                ? [.. configMaps.All.Where(c => c.Metadata.NamespaceProperty == ns && c.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == uid) == true)]
                : [],
            ConfigMapRead = read,
        };
        return BaselineReconciler.Decide(baseObserved, plan);
    }
}
