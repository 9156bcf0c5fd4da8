using k8s.Models;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation.Baseline;

/// <summary>
/// What the baseline step decides from, besides the plan: the benchmark and the ConfigMaps it owns, and
/// its baseline as the caches (an UnpackBenchmark and the ConfigMaps it owns) or one read (a ConfigMap)
/// show it.
/// </summary>
/// <param name="Benchmark">The benchmark being reconciled.</param>
/// <param name="ConfigMaps">The ConfigMaps it owns, as cached.</param>
/// <param name="Now">The time of the decision.</param>
public sealed record ObservedBaseline(V1Alpha1UnpackBenchmark Benchmark, IReadOnlyList<V1ConfigMap> ConfigMaps, DateTimeOffset Now)
{
    /// <summary>The baseline UnpackBenchmark, when spec.baseline names one and it exists.</summary>
    public V1Alpha1UnpackBenchmark? BaselineBenchmark { get; init; }

    /// <summary>The ConfigMaps the baseline UnpackBenchmark owns.</summary>
    public IReadOnlyList<V1ConfigMap> BaselineConfigMaps { get; init; } = [];

    /// <summary>The baseline ConfigMap as read, when spec.baseline names one and it was read in this reconcile.</summary>
    public BaselineConfigMapRead? ConfigMapRead { get; init; }
}

/// <summary>The outcome of reading a baseline ConfigMap.</summary>
/// <param name="ConfigMap">The ConfigMap, or null when it does not exist or could not be read.</param>
/// <param name="Error">Why it could not be read (other than not existing), or null.</param>
public sealed record BaselineConfigMapRead(V1ConfigMap? ConfigMap, string? Error = null);
