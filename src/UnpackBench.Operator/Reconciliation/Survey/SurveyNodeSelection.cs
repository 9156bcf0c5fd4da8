using k8s;
using k8s.Models;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation.Survey;

/// <summary>
/// Which nodes a survey runs on, decided once when it starts: every node whose labels match
/// <c>spec.nodeSelector</c>; of those, nodes that are cordoned, not Ready, or carry a NoSchedule or
/// NoExecute taint that <c>spec.tolerations</c> does not tolerate are skipped, each with its reason —
/// the scheduler's own rules, so every pod the survey creates can be scheduled on its node.
/// </summary>
public static class SurveyNodeSelection
{
    /// <summary>Skipped: the node is cordoned (<c>spec.unschedulable</c>).</summary>
    public const string Cordoned = "Cordoned";

    /// <summary>Skipped: the node's Ready condition is not True.</summary>
    public const string NotReady = "NotReady";

    /// <summary>Skipped: the node has a taint the benchmark does not tolerate.</summary>
    public const string Tainted = "Tainted";

    // The node lifecycle controller's taints for what Cordoned and NotReady already say.
    private static readonly HashSet<string> ConditionTaints = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable", "node.kubernetes.io/unschedulable"];

    /// <summary>The nodes to survey, by name, and the matching nodes skipped, each with why.</summary>
    public static (IReadOnlyList<V1Node> Selected, IReadOnlyList<SkippedNode> Skipped) Select(UnpackBenchmarkSpec spec, IEnumerable<V1Node> nodes)
    {
        var tolerations = spec.Tolerations.Select(t => KubernetesJson.Deserialize<V1Toleration>(t.ToJsonString())).ToList();
        var selected = new List<V1Node>();
        var skipped = new List<SkippedNode>();
        foreach (var node in nodes.Where(n => Matches(spec.NodeSelector, n)).OrderBy(n => n.Metadata.Name, StringComparer.Ordinal))
        {
            if (Skip(node, tolerations) is { } why)
            {
                skipped.Add(why);
            }
            else
            {
                selected.Add(node);
            }
        }

        return (selected, skipped);
    }

    /// <summary>Why <paramref name="node"/> cannot take an agent now (deleted, or not Ready), or null when it can.</summary>
    public static (string Reason, string Message)? Unavailable(string name, V1Node? node)
    {
        if (node is null || node.Metadata.DeletionTimestamp is not null)
        {
            return ("NodeLost", $"node {name} was deleted");
        }

        var ready = Ready(node);
        return ready?.Status == "True"
            ? null
            : ("NodeLost", $"node {name} is NotReady ({Describe(ready)})");
    }

    /// <summary>Whether <paramref name="node"/>'s labels have every pair of <paramref name="selector"/>.</summary>
    public static bool Matches(IReadOnlyDictionary<string, string> selector, V1Node node)
    {
        var labels = node.Metadata.Labels ?? new Dictionary<string, string>();
        return selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }

    private static SkippedNode? Skip(V1Node node, List<V1Toleration> tolerations)
    {
        var name = node.Metadata.Name;
        if (node.Spec?.Unschedulable == true)
        {
            return new SkippedNode { NodeName = name, Reason = Cordoned, Message = $"node {name} is cordoned (spec.unschedulable)" };
        }

        var ready = Ready(node);
        if (ready?.Status != "True")
        {
            return new SkippedNode { NodeName = name, Reason = NotReady, Message = $"node {name} is NotReady ({Describe(ready)})" };
        }

        var untolerated = (node.Spec?.Taints ?? [])
            .Where(t => t.Effect is "NoSchedule" or "NoExecute" && !ConditionTaints.Contains(t.Key))
            .FirstOrDefault(t => !tolerations.Any(toleration => Tolerates(toleration, t)));
        return untolerated is null
            ? null
            : new SkippedNode { NodeName = name, Reason = Tainted, Message = $"node {name} has taint {untolerated.Key}{(string.IsNullOrEmpty(untolerated.Value) ? "" : "=" + untolerated.Value)}:{untolerated.Effect}, which spec.tolerations does not tolerate" };
    }

    private static V1NodeCondition? Ready(V1Node node) => node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");

    private static string Describe(V1NodeCondition? ready) => ready is null
        ? "it has no Ready condition"
        : $"Ready is {ready.Status}{(string.IsNullOrEmpty(ready.Reason) ? "" : ": " + ready.Reason)}";

    // Kubernetes' ToleratesTaint: an empty effect tolerates every effect; an empty key with Exists tolerates every taint.
    private static bool Tolerates(V1Toleration toleration, V1Taint taint)
    {
        if (!string.IsNullOrEmpty(toleration.Effect) && toleration.Effect != taint.Effect)
        {
            return false;
        }

        var op = string.IsNullOrEmpty(toleration.OperatorProperty) ? "Equal" : toleration.OperatorProperty;
        if (string.IsNullOrEmpty(toleration.Key))
        {
            return op == "Exists";
        }

        return toleration.Key == taint.Key && (op == "Exists" || (op == "Equal" && (toleration.Value ?? "") == (taint.Value ?? "")));
    }
}
