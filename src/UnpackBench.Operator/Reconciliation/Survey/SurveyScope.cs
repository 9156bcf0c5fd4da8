using k8s.Models;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation.Survey;

/// <summary>What every node's decision in one survey reconcile shares: the observation, the generation, the snapshotters.</summary>
internal sealed class SurveyScope(ObservedBenchmark observed, OperatorOptions options)
{
    public ObservedBenchmark Observed { get; } = observed;

    public OperatorOptions Options { get; } = options;

    public V1Alpha1UnpackBenchmark Benchmark => Observed.Benchmark;

    public UnpackBenchmarkSpec Spec => Benchmark.Spec;

    public long Generation { get; } = observed.Benchmark.Metadata.Generation ?? 1;

    /// <summary>The status this reconcile starts from, when it describes this generation's survey (rows of another generation never count).</summary>
    public UnpackBenchmarkStatus? Previous { get; } =
        observed.Benchmark.Status is { Survey: not null } status && status.ObservedGeneration == (observed.Benchmark.Metadata.Generation ?? 1) ? status : null;

    public IReadOnlyList<string> Snapshotters { get; } = SnapshotterResults.Requested(observed.Benchmark.Spec);

    private Dictionary<string, V1Pod> PodsByName { get; } = observed.Pods.ToDictionary(p => p.Metadata.Name, StringComparer.Ordinal);

    /// <summary>The benchmark's pod of that name, if it exists.</summary>
    public V1Pod? Pod(string name) => PodsByName.GetValueOrDefault(name);
}
