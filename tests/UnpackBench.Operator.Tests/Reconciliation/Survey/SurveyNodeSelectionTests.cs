using System.Text.Json.Nodes;
using k8s.Models;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Reconciliation.Survey;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation.Survey;

public sealed class SurveyNodeSelectionTests
{
    private static readonly V1Taint Gpu = new() { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" };

    private static readonly V1Node[] Cluster =
    [
        SurveyWorld.Node("b-ssd", labels: new Dictionary<string, string> { ["disk"] = "ssd" }),
        SurveyWorld.Node("a-ssd", labels: new Dictionary<string, string> { ["disk"] = "ssd" }),
        SurveyWorld.Node("c-hdd", labels: new Dictionary<string, string> { ["disk"] = "hdd" }),
        SurveyWorld.Node("d-gpu", taint: Gpu, labels: new Dictionary<string, string> { ["disk"] = "ssd" }),
        SurveyWorld.Node("e-cordoned", cordoned: true, labels: new Dictionary<string, string> { ["disk"] = "ssd" }),
        SurveyWorld.Node("f-notready", ready: "False", labels: new Dictionary<string, string> { ["disk"] = "ssd" }),
        SurveyWorld.Node("g-unknown", ready: "Unknown", labels: new Dictionary<string, string> { ["disk"] = "ssd" }),
    ];

    private static UnpackBenchmarkSpec Spec(params JsonObject[] tolerations) =>
        SurveyWorld.Spec(selector: new Dictionary<string, string> { ["disk"] = "ssd" }) with { Tolerations = tolerations };

    [Fact]
    public void Nodes_the_selector_matches_are_surveyed_in_name_order_and_the_rest_are_not_mentioned()
    {
        var (selected, skipped) = SurveyNodeSelection.Select(Spec(), Cluster);

        Assert.Equal(["a-ssd", "b-ssd"], selected.Select(n => n.Metadata.Name));
        Assert.DoesNotContain(skipped, s => s.NodeName == "c-hdd");
    }

    [Fact]
    public void Cordoned_not_ready_and_tainted_matches_are_skipped_with_their_reasons()
    {
        var (_, skipped) = SurveyNodeSelection.Select(Spec(), Cluster);

        Assert.Equal(
            [("d-gpu", SurveyNodeSelection.Tainted), ("e-cordoned", SurveyNodeSelection.Cordoned), ("f-notready", SurveyNodeSelection.NotReady), ("g-unknown", SurveyNodeSelection.NotReady)],
            skipped.Select(s => (s.NodeName, s.Reason)));
        Assert.Contains("dedicated=gpu:NoSchedule", skipped[0].Message, StringComparison.Ordinal);
        Assert.Contains("Ready is False: KubeletNotReady", skipped[2].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"key":"dedicated","operator":"Equal","value":"gpu","effect":"NoSchedule"}""", true)]
    [InlineData("""{"key":"dedicated","operator":"Exists"}""", true)]
    [InlineData("""{"operator":"Exists"}""", true)]
    [InlineData("""{"key":"dedicated","operator":"Equal","value":"tpu"}""", false)]
    [InlineData("""{"key":"dedicated","operator":"Exists","effect":"NoExecute"}""", false)]
    public void A_toleration_admits_a_tainted_node_as_the_scheduler_would(string toleration, bool admitted)
    {
        var (selected, _) = SurveyNodeSelection.Select(Spec(JsonNode.Parse(toleration)!.AsObject()), Cluster);

        Assert.Equal(admitted, selected.Any(n => n.Metadata.Name == "d-gpu"));
    }

    [Fact]
    public void Tolerating_the_not_ready_taint_does_not_survey_a_not_ready_node()
    {
        var (selected, _) = SurveyNodeSelection.Select(Spec(JsonNode.Parse("""{"operator":"Exists"}""")!.AsObject()), Cluster);

        Assert.DoesNotContain(selected, n => n.Metadata.Name is "f-notready" or "g-unknown" or "e-cordoned");
    }

    [Fact]
    public void A_node_is_unavailable_once_deleted_or_not_ready()
    {
        Assert.Null(SurveyNodeSelection.Unavailable("a", SurveyWorld.Node("a")));
        Assert.Equal("node a was deleted", SurveyNodeSelection.Unavailable("a", null)?.Message);
        Assert.Equal(("NodeLost", "node a is NotReady (Ready is Unknown: KubeletNotReady)"), SurveyNodeSelection.Unavailable("a", SurveyWorld.Node("a", ready: "Unknown")));
    }
}
