using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// <c>spec.nodeSelector</c> (every label must match) and
/// <c>affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution</c> (any term; within a term every
/// expression: In, NotIn, Exists, DoesNotExist, Gt, Lt on labels, In/NotIn on <c>metadata.name</c> fields).
/// Preferred affinity only ranks nodes in the real scheduler and is ignored here.
/// </summary>
internal static class NodeSelection
{
    /// <summary>Whether <paramref name="node"/> satisfies the pod's node selector and required node affinity.</summary>
    public static bool Matches(V1Pod pod, V1Node node)
    {
        var labels = node.Metadata?.Labels ?? new Dictionary<string, string>();
        var selector = pod.Spec?.NodeSelector ?? new Dictionary<string, string>();
        if (!selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value))
        {
            return false;
        }

        var terms = pod.Spec?.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms;
        if (terms is null)
        {
            return true;
        }

        var fields = new Dictionary<string, string> { ["metadata.name"] = node.Metadata?.Name ?? "" };
        return terms.Any(term => TermMatches(term, labels, fields));
    }

    private static bool TermMatches(V1NodeSelectorTerm term, IDictionary<string, string> labels, IDictionary<string, string> fields)
    {
        var expressions = term.MatchExpressions ?? [];
        var fieldExpressions = term.MatchFields ?? [];
        return expressions.Count + fieldExpressions.Count > 0
            && expressions.All(e => RequirementMatches(e, labels))
            && fieldExpressions.All(e => RequirementMatches(e, fields));
    }

    private static bool RequirementMatches(V1NodeSelectorRequirement requirement, IDictionary<string, string> values)
    {
        var present = values.TryGetValue(requirement.Key, out var value);
        var wanted = requirement.Values ?? [];
        return requirement.OperatorProperty switch
        {
            "In" => present && wanted.Contains(value),
            "NotIn" => !present || !wanted.Contains(value),
            "Exists" => present,
            "DoesNotExist" => !present,
            "Gt" => present && Compare(value, wanted) > 0,
            "Lt" => present && Compare(value, wanted) < 0,
            _ => false,
        };
    }

    /// <summary>Compares a label as an integer with the single value of Gt/Lt; 0 (no match) when either is not one.</summary>
    private static int Compare(string? label, IList<string> wanted) =>
        wanted.Count == 1 && long.TryParse(label, out var actual) && long.TryParse(wanted[0], out var bound)
            ? actual.CompareTo(bound)
            : 0;
}
