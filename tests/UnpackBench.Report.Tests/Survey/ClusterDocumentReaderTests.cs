using System.Text.Json.Nodes;
using UnpackBench.Analysis.Documents;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Report.Survey;
using UnpackBench.Report.Tests.Support;

namespace UnpackBench.Report.Tests.Survey;

/// <summary>A benchmark's ConfigMaps as kubectl prints them: a survey with its nodes' documents, one benchmark's document, and what is not either.</summary>
public sealed class ClusterDocumentReaderTests
{
    [Fact]
    public void A_surveys_config_maps_are_its_index_and_each_nodes_document()
    {
        var json = SampleSurvey.KubectlJson();

        Assert.True(ClusterDocumentReader.IsKubernetesObject(json));
        var (survey, single) = ClusterDocumentReader.Read(json, "standard input");

        Assert.Null(single);
        Assert.Equal(("fleet", 2L, 6), (survey!.Index.Benchmark, survey.Index.Generation, survey.Index.Rows.Count));
        Assert.Equal(["fleet-result-node-a", "fleet-result-node-b", "fleet-result-node-c"], survey.Documents.Keys.Order(StringComparer.Ordinal));
        var nativeOnB = survey.Rows.Single(r => r.Node == "node-b" && r.Snapshotter == "native");
        Assert.Equal([3.15, 3.45, 3.075, 3.6, 3.3], nativeOnB.Runs.Select(d => Math.Round(d, 3)));
        Assert.Equal(["node-a · overlayfs", "node-c · overlayfs", "node-a · native", "node-b · overlayfs", "node-b · native"], survey.Timed.Select(r => r.Label));
    }

    [Fact]
    public void One_benchmarks_config_map_is_its_document()
    {
        var document = SampleResults.Benchmark([1.0, 1.1, 1.2]);
        var list = SampleSurvey.List([SampleSurvey.ConfigMap("python-result", ResultDataKeys.Document, ResultJson.Serialize(document))]);
        var one = SampleSurvey.ConfigMap("python-result", ResultDataKeys.Document, ResultJson.Serialize(document)).ToJsonString();

        Assert.Equal(3, ClusterDocumentReader.Read(list, "standard input").Single!.Runs.Count);
        Assert.Equal(3, ClusterDocumentReader.Read(one, "standard input").Single!.Runs.Count);
    }

    [Fact]
    public void A_result_document_is_not_a_kubernetes_object()
    {
        Assert.False(ClusterDocumentReader.IsKubernetesObject(ResultJson.Serialize(SampleResults.Benchmark([1.0]))));
        Assert.False(ClusterDocumentReader.IsKubernetesObject("not json"));
    }

    [Fact]
    public void A_node_document_given_without_the_others_leaves_their_runs_out()
    {
        var documents = SampleSurvey.Documents();
        documents.Remove("fleet-result-node-c");

        var (survey, _) = ClusterDocumentReader.Read(SampleSurvey.KubectlJson(documents: documents), "standard input");

        Assert.Equal(2, survey!.Documents.Count);
        Assert.Empty(survey.Rows.Single(r => r.Node == "node-c" && r.Snapshotter == "overlayfs").Runs);
    }

    [Fact]
    public void A_node_document_of_another_generation_than_the_index_is_left_out()
    {
        var documents = SampleSurvey.Documents();
        var items = new JsonArray { SampleSurvey.ConfigMap("fleet-result", ResultDataKeys.SurveyIndex, SurveyIndex.Serialize(SampleSurvey.Index())) };
        foreach (var (name, document) in documents)
        {
            items.Add(SampleSurvey.ConfigMap(name, ResultDataKeys.Document, ResultJson.Serialize(document), generation: name.EndsWith("node-a", StringComparison.Ordinal) ? 3 : 2));
        }

        var (survey, _) = ClusterDocumentReader.Read(SampleSurvey.List(items), "standard input");

        Assert.Equal(["fleet-result-node-b", "fleet-result-node-c"], survey!.Documents.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(survey.Rows.Single(r => r.Node == "node-a" && r.Snapshotter == "overlayfs").Runs);
    }

    public static TheoryData<string, string> NotOneBenchmark()
    {
        var document = ResultJson.Serialize(SampleResults.Benchmark([1.0]));
        var index = SurveyIndex.Serialize(SampleSurvey.Index());
        return new()
        {
            { SampleSurvey.List([SampleSurvey.ConfigMap("a-result", "result.json", document), SampleSurvey.ConfigMap("b-result", "result.json", document)]), "standard input holds 2 result documents (a-result, b-result) but no survey index: a survey's index is written once it has finished" },
            { SampleSurvey.List([SampleSurvey.ConfigMap("fleet-result", "index.json", index), SampleSurvey.ConfigMap("python-result", "result.json", document, benchmark: "python")]), "standard input holds the results of more than one benchmark (fleet, python); a report is of one benchmark: select one benchmark's ConfigMaps: kubectl get cm -l unpackbench.io/benchmark=NAME -o json" },
            { SampleSurvey.List([SampleSurvey.ConfigMap("python-result", "result.json", document, benchmark: "python"), SampleSurvey.ConfigMap("python-reference", "result.json", document, benchmark: null)]), "standard input holds the results of more than one benchmark (python, and python-reference, not labelled unpackbench.io/benchmark)" },
            { """{"apiVersion":"v1","kind":"List","items":[{"kind":"ConfigMap","metadata":7,"data":[]},{"kind":"ConfigMap","metadata":{"labels":"x"},"data":{"result.json":1}},5]}""", "standard input holds no UnpackBench result" },
            { """{"apiVersion":"v1","kind":"List","items":{}}""", "standard input is a Kubernetes List, not a list of ConfigMaps" },
            { """{"apiVersion":"v1","kind":7}""", "standard input is a Kubernetes object without a kind, not a list of ConfigMaps" },
            { SampleSurvey.List([SampleSurvey.ConfigMap("a-result", "index.json", index), SampleSurvey.ConfigMap("b-result", "index.json", index)]), "standard input holds the indexes of 2 surveys (a-result, b-result); select one benchmark's ConfigMaps" },
            { SampleSurvey.List([]), "standard input holds no UnpackBench result (no ConfigMap with result.json or index.json)" },
            { new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod" }.ToJsonString(), "standard input is a Kubernetes Pod, not a list of ConfigMaps; select one benchmark's ConfigMaps" },
            { SampleSurvey.List([SampleSurvey.ConfigMap("fleet-result", "index.json", "{\"rows\": 3}")]), "ConfigMap fleet-result's index.json is not a survey index" },
            { SampleSurvey.List([SampleSurvey.ConfigMap("fleet-result", "index.json", index.Replace("\"schema_version\": 1", "\"schema_version\": 7", StringComparison.Ordinal))]), "ConfigMap fleet-result's index.json has schema_version 7, newer than this version reads (1)" },
            { SampleSurvey.List([SampleSurvey.ConfigMap("fleet-result", "index.json", index), SampleSurvey.ConfigMap("fleet-result-node-a", "result.json", "{}")]), "ConfigMap fleet-result-node-a is not an UnpackBench result document" },
        };
    }

    [Theory]
    [MemberData(nameof(NotOneBenchmark))]
    public void Anything_but_one_benchmarks_config_maps_is_refused_with_what_to_select(string json, string message)
    {
        var error = Assert.Throws<ResultDocumentException>(() => ClusterDocumentReader.Read(json, "standard input"));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
