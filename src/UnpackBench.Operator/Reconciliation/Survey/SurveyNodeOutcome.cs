using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation.Survey;

/// <summary>What one survey reconcile decided for one node.</summary>
/// <param name="Node">The node.</param>
/// <param name="Rows">Its status rows, one per snapshotter.</param>
/// <param name="Plan">Its share of the plan: pods to create, delete or follow, its ConfigMap, its events (no status).</param>
/// <param name="WantedPod">The agent pod the node still needs (null once its rows are recorded as ended).</param>
/// <param name="NodeStatus">The single-node status decided for it, for the survey's image section.</param>
internal sealed record SurveyNodeOutcome(string Node, IReadOnlyList<NodeBenchmarkStatus> Rows, ReconcilePlan Plan, string? WantedPod, UnpackBenchmarkStatus? NodeStatus = null);
