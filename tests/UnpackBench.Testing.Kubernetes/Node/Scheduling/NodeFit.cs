using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// The scheduler's filters, in the real scheduler's order: NodeUnschedulable, TaintToleration (the node's
/// taints, then the taint the node lifecycle controller would add for a Ready condition that is not True),
/// NodeAffinity (<c>nodeSelector</c> and required node affinity). A node that fails gets the first failing
/// filter's reason, worded as the real scheduler words it.
/// </summary>
internal static class NodeFit
{
    /// <summary>The taint a node whose Ready condition is False carries.</summary>
    public const string NotReadyTaint = "node.kubernetes.io/not-ready";

    /// <summary>The taint a node whose Ready condition is Unknown (or missing) carries.</summary>
    public const string UnreachableTaint = "node.kubernetes.io/unreachable";

    /// <summary>The taint an unschedulable (cordoned) node is treated as having.</summary>
    public const string UnschedulableTaint = "node.kubernetes.io/unschedulable";

    /// <summary>Null when <paramref name="pod"/> may run on <paramref name="node"/>; otherwise why not.</summary>
    public static string? Check(V1Pod pod, V1Node node)
    {
        var tolerations = pod.Spec?.Tolerations ?? [];
        if (node.Spec?.Unschedulable == true && !tolerations.Any(t => Tolerates(t, new V1Taint { Effect = "NoSchedule", Key = UnschedulableTaint })))
        {
            return "node(s) were unschedulable";
        }

        var untolerated = Taints(node)
            .Where(taint => taint.Effect is "NoSchedule" or "NoExecute")
            .FirstOrDefault(taint => !tolerations.Any(t => Tolerates(t, taint)));
        if (untolerated is not null)
        {
            return $"node(s) had untolerated taint {{{untolerated.Key}: {untolerated.Value}}}";
        }

        return NodeSelection.Matches(pod, node) ? null : "node(s) didn't match Pod's node affinity/selector";
    }

    /// <summary>
    /// The message of a pod no node fits, as the real scheduler writes it: each distinct reason with the
    /// number of nodes it applies to, sorted, e.g.
    /// <c>0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {dedicated: gpu}.</c>
    /// </summary>
    public static string Explain(IReadOnlyCollection<string> reasons)
    {
        if (reasons.Count == 0)
        {
            return "no nodes available to schedule pods";
        }

        var histogram = reasons
            .GroupBy(reason => reason, StringComparer.Ordinal)
            .Select(group => $"{group.Count()} {group.Key}")
            .Order(StringComparer.Ordinal);
        return $"0/{reasons.Count} nodes are available: {string.Join(", ", histogram)}.";
    }

    /// <summary>Kubernetes' <c>ToleratesTaint</c>: effect (empty tolerates all), key (empty with Exists matches all), then operator.</summary>
    public static bool Tolerates(V1Toleration toleration, V1Taint taint)
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

        if (toleration.Key != taint.Key)
        {
            return false;
        }

        return op switch
        {
            "Exists" => true,
            "Equal" => (toleration.Value ?? "") == (taint.Value ?? ""),
            _ => false,
        };
    }

    /// <summary>The node's taints plus the one its Ready condition implies (unless it is already there).</summary>
    private static IEnumerable<V1Taint> Taints(V1Node node)
    {
        var taints = node.Spec?.Taints ?? [];
        var ready = node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status;
        var implied = ready switch
        {
            "True" => null,
            "False" => NotReadyTaint,
            _ => UnreachableTaint,
        };
        return implied is null || taints.Any(t => t.Key == implied)
            ? taints
            : taints.Append(new V1Taint { Effect = "NoSchedule", Key = implied });
    }
}
