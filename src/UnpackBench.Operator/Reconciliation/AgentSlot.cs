using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// Where one agent pod of a benchmark generation goes: anywhere the scheduler picks (a benchmark on one
/// node), or pinned to one node of a survey, with the attempt number (an evicted pod is retried once).
/// The slot derives the pod's and the result ConfigMap's names, so a second reconcile finds what the first made.
/// </summary>
/// <param name="Node">The survey node, or null for a benchmark on one node.</param>
/// <param name="Attempt">1, or 2 for the retry after an eviction.</param>
public sealed record AgentSlot(string? Node, int Attempt = 1)
{
    /// <summary>The slot of a benchmark on one node.</summary>
    public static AgentSlot OneNode { get; } = new(Node: null);

    /// <summary>The agent pod's name.</summary>
    public string PodName(V1Alpha1UnpackBenchmark benchmark) =>
        Node is null ? ObjectNames.AgentPod(benchmark) : ObjectNames.AgentPod(benchmark, Node, Attempt);

    /// <summary>The ConfigMap the agent's result document goes to.</summary>
    public string ResultConfigMapName(V1Alpha1UnpackBenchmark benchmark) =>
        Node is null ? ObjectNames.ResultConfigMap(benchmark) : ObjectNames.NodeResultConfigMap(benchmark, Node);
}
