using k8s.Models;
using UnpackBench.Testing.Kubernetes.Node;

namespace UnpackBench.Testing.Kubernetes.Tests.Node.Scheduling;

/// <summary>The scheduler's filters and messages, case by case.</summary>
public sealed class NodeFitTests
{
    [Theory]
    [InlineData("same key and value", "dedicated", "Equal", "gpu", "", true)]
    [InlineData("empty operator means Equal", "dedicated", "", "gpu", "", true)]
    [InlineData("other value", "dedicated", "Equal", "cpu", "", false)]
    [InlineData("Exists ignores the value", "dedicated", "Exists", "", "", true)]
    [InlineData("empty key with Exists tolerates everything", "", "Exists", "", "", true)]
    [InlineData("empty key with Equal tolerates nothing", "", "Equal", "gpu", "", false)]
    [InlineData("other key", "team", "Exists", "", "", false)]
    [InlineData("matching effect", "dedicated", "Exists", "", "NoSchedule", true)]
    [InlineData("other effect", "dedicated", "Exists", "", "NoExecute", false)]
    public void Tolerations_match_taints_as_in_Kubernetes(string name, string key, string op, string value, string effect, bool tolerated)
    {
        var toleration = new V1Toleration { Key = key, OperatorProperty = op, Value = value, Effect = effect };
        var taint = new V1Taint { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" };

        Assert.True(NodeFit.Tolerates(toleration, taint) == tolerated, name);
    }

    [Theory]
    [InlineData("fits", "Ready:True", "", "", null)]
    [InlineData("cordoned", "Ready:True", "unschedulable", "", "node(s) were unschedulable")]
    [InlineData("not ready", "Ready:False", "", "", "node(s) had untolerated taint {node.kubernetes.io/not-ready: }")]
    [InlineData("no Ready condition", "", "", "", "node(s) had untolerated taint {node.kubernetes.io/unreachable: }")]
    [InlineData("PreferNoSchedule is no filter", "Ready:True", "soft=x:PreferNoSchedule", "", null)]
    [InlineData("NoExecute filters", "Ready:True", "hard=x:NoExecute", "", "node(s) had untolerated taint {hard: x}")]
    [InlineData("selector mismatch", "Ready:True", "", "disk=ssd", "node(s) didn't match Pod's node affinity/selector")]
    [InlineData("taints come before the selector", "Ready:True", "hard=x:NoSchedule", "disk=ssd", "node(s) had untolerated taint {hard: x}")]
    public void A_node_that_does_not_fit_gets_the_first_failing_filters_reason(string name, string condition, string taint, string selector, string? reason)
    {
        var node = new V1Node
        {
            Metadata = new V1ObjectMeta { Name = "n", Labels = new Dictionary<string, string> { ["disk"] = "hdd" } },
            Spec = new V1NodeSpec { Unschedulable = taint == "unschedulable" ? true : null, Taints = Taints(taint) },
            Status = new V1NodeStatus { Conditions = condition.Length == 0 ? [] : [new V1NodeCondition { Type = "Ready", Status = condition.Split(':')[1] }] },
        };
        var pod = new V1Pod { Spec = new V1PodSpec { NodeSelector = selector.Length == 0 ? null : new Dictionary<string, string> { [selector.Split('=')[0]] = selector.Split('=')[1] } } };

        Assert.True(NodeFit.Check(pod, node) == reason, $"{name}: {NodeFit.Check(pod, node)}");
    }

    [Theory]
    [InlineData("In matches", "zone", "In", "a,b", true)]
    [InlineData("In misses", "zone", "In", "c", false)]
    [InlineData("NotIn", "zone", "NotIn", "c", true)]
    [InlineData("NotIn of a missing label", "rack", "NotIn", "c", true)]
    [InlineData("Exists", "zone", "Exists", "", true)]
    [InlineData("DoesNotExist", "zone", "DoesNotExist", "", false)]
    [InlineData("Gt", "cores", "Gt", "4", true)]
    [InlineData("Lt", "cores", "Lt", "4", false)]
    public void Required_node_affinity_expressions_match_labels(string name, string key, string op, string values, bool matches)
    {
        var node = new V1Node { Metadata = new V1ObjectMeta { Name = "n", Labels = new Dictionary<string, string> { ["zone"] = "a", ["cores"] = "8" } } };
        var requirement = new V1NodeSelectorRequirement { Key = key, OperatorProperty = op, Values = values.Length == 0 ? null : values.Split(',') };
        var pod = new V1Pod
        {
            Spec = new V1PodSpec
            {
                Affinity = new V1Affinity
                {
                    NodeAffinity = new V1NodeAffinity
                    {
                        RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector { NodeSelectorTerms = [new V1NodeSelectorTerm { MatchExpressions = [requirement] }] },
                    },
                },
            },
        };

        Assert.True(NodeSelection.Matches(pod, node) == matches, name);
    }

    [Fact]
    public void The_message_counts_nodes_per_reason_sorted_like_the_real_scheduler()
    {
        var message = NodeFit.Explain(["node(s) had untolerated taint {a: }", "node(s) didn't match Pod's node affinity/selector", "node(s) had untolerated taint {a: }"]);

        Assert.Equal("0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 node(s) had untolerated taint {a: }.", message);
        Assert.Equal("no nodes available to schedule pods", NodeFit.Explain([]));
    }

    private static List<V1Taint>? Taints(string text)
    {
        if (text.Length == 0 || text == "unschedulable")
        {
            return null;
        }

        var (keyValue, effect) = (text.Split(':')[0], text.Split(':')[1]);
        return [new V1Taint { Key = keyValue.Split('=')[0], Value = keyValue.Split('=')[1], Effect = effect }];
    }
}
