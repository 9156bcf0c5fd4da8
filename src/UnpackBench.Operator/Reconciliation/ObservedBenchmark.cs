using k8s.Models;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>Everything the reconciler decides from: the benchmark and what it owns, as last observed.</summary>
/// <param name="Benchmark">The benchmark as the API returned it.</param>
/// <param name="Pods">Agent pods owned by the benchmark, of any generation.</param>
/// <param name="ResultConfigMap">The result ConfigMap, if it exists.</param>
/// <param name="Progress">What the current generation's agent pod has logged so far.</param>
/// <param name="Now">The time of the decision.</param>
/// <param name="CreateFailure">Why the API server last refused the agent pod, if it did.</param>
public sealed record ObservedBenchmark(
    V1Alpha1UnpackBenchmark Benchmark,
    IReadOnlyList<V1Pod> Pods,
    V1ConfigMap? ResultConfigMap,
    AgentProgress Progress,
    DateTimeOffset Now,
    PodCreateFailure? CreateFailure = null)
{
    /// <summary>The cluster's nodes, or null while the operator has not listed them (yet, or it may not).</summary>
    public IReadOnlyList<V1Node>? Nodes { get; init; }

    /// <summary>Every ConfigMap the benchmark owns (its result, and a survey's per-node results and index).</summary>
    public IReadOnlyList<V1ConfigMap> ConfigMaps { get; init; } = [];

    /// <summary>Of a prediction: the calibrations in the benchmark's namespace, whichever benchmark wrote them.</summary>
    public IReadOnlyList<V1ConfigMap> Calibrations { get; init; } = [];

    /// <summary>What the agent in the pod of that name has logged so far (a survey follows several).</summary>
    public Func<string, AgentProgress> ProgressOf { get; init; } = _ => AgentProgress.Empty;

    /// <summary>The node of that name, if the operator knows it.</summary>
    public V1Node? Node(string? name) => name is null ? null : Nodes?.FirstOrDefault(n => n.Metadata.Name == name);
}
