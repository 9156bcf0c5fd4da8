using k8s.Models;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Reconciliation.Baseline;
using static UnpackBench.Operator.Tests.Support.BaselineWorld;

namespace UnpackBench.Operator.Tests.Reconciliation.Baseline;

/// <summary>What is compared with what: different setups, partial documents, ConfigMap baselines, surveys node by node.</summary>
public sealed class BaselineReconcilerSetupTests
{
    private static readonly BenchmarkBaseline OnProd = new() { Benchmark = Prod };

    [Fact]
    public void Documents_from_different_nodes_are_not_compared_and_the_condition_names_the_field()
    {
        var (prod, prodResult) = Succeeded(Benchmark(Prod, uid: ProdUid), Document(3.0, node: "node-1"));
        var (next, result) = Succeeded(Benchmark(Next, OnProd), Document(3.6, node: "node-2"));

        var plan = Compare(next, [result], prod, [prodResult]);

        var regressed = Regressed(plan.Status);
        Assert.Equal(("Unknown", RegressedCondition.NotComparable), (regressed.Status, regressed.Reason));
        Assert.Equal(
            "UnpackBenchmark python-prod (generation 1) measured another setup than this benchmark (node-2, overlayfs): environment.hostname differs: baseline \"node-1\", candidate \"node-2\". " +
            "Benchmark both on the same node and setup (spec.nodeName, snapshotter, cache), or set spec.baseline.force: true to compare them anyway",
            regressed.Message);
        Assert.Equal((ComparisonVerdicts.NotComparable, null), (plan.Status!.Comparison!.Verdict, plan.Status.Comparison.Ratio));
        Assert.Equal(["environment.hostname differs: baseline \"node-1\", candidate \"node-2\""], plan.Status.Comparison.Differences);
        Assert.Equal([("Warning", RegressedCondition.NotComparable)], plan.Events.Select(e => (e.Type, e.Reason)));
    }

    [Fact]
    public void Force_compares_different_setups_and_says_what_differed()
    {
        var (prod, prodResult) = Succeeded(Benchmark(Prod, uid: ProdUid), Document(3.0, node: "node-1"));
        var (next, result) = Succeeded(Benchmark(Next, OnProd with { Force = true }), Document(3.6, node: "node-2"));

        var status = Compare(next, [result], prod, [prodResult]).Status!;

        Assert.Equal((ComparisonVerdicts.Slower, true), (status.Comparison!.Verdict, status.Comparison.Forced));
        Assert.Equal(["environment.hostname differs: baseline \"node-1\", candidate \"node-2\""], status.Comparison.Differences);
        Assert.EndsWith("compared although environment.hostname differs: baseline \"node-1\", candidate \"node-2\" (spec.baseline.force)", Regressed(status).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_document_is_judged_by_its_durations_and_the_fields_it_lacks_are_named_unchecked()
    {
        var (prod, prodResult) = Succeeded(Benchmark(Prod, uid: ProdUid), Document(3.0));
        var partial = Document(3.6);
        partial = partial with
        {
            Environment = partial.Environment with { Decompressor = PartialResultBuilder.Unknown, ContainerdVersion = PartialResultBuilder.Unknown },
            Image = partial.Image with { Layers = [] },
            Runs = [.. partial.Runs.Select(r => new RunResult { RunId = r.RunId, Status = RunResult.Success, DurationSeconds = r.DurationSeconds })],
        };
        var (next, result) = Succeeded(Benchmark(Next, OnProd), partial, partial: true);

        var status = Compare(next, [result], prod, [prodResult]).Status!;

        Assert.Equal(ComparisonVerdicts.Slower, status.Comparison!.Verdict);
        Assert.Equal(["environment.decompressor", "environment.containerd_version"], status.Comparison.UncheckedFields);
        Assert.Empty(status.Comparison.Differences);
        Assert.EndsWith("not checked, as a partial document does not record them: environment.decompressor, environment.containerd_version", Regressed(status).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_of_a_complete_document_still_refuses_the_comparison()
    {
        var (prod, prodResult) = Succeeded(Benchmark(Prod, uid: ProdUid), Document(3.0));
        var odd = Document(3.6);
        var (next, result) = Succeeded(Benchmark(Next, OnProd), odd with { Environment = odd.Environment with { Decompressor = PartialResultBuilder.Unknown } });

        Assert.Equal(ComparisonVerdicts.NotComparable, Compare(next, [result], prod, [prodResult]).Status!.Comparison!.Verdict);
    }

    [Fact]
    public void A_survey_is_compared_node_by_node_where_both_measured_the_node()
    {
        var (prod, prodResults) = SurveySucceeded(Benchmark(Prod, survey: true, uid: ProdUid), Document(3.0, node: "node-a"), Document(2.0, node: "node-b"), Document(2.0, node: "node-c"));
        var (next, results) = SurveySucceeded(Benchmark(Next, OnProd, survey: true), Document(3.03, node: "node-a"), Document(2.6, node: "node-b"), Document(2.0, node: "node-d"));

        var status = Compare(next, results, prod, prodResults).Status!;

        var comparison = status.Comparison!;
        Assert.Equal((ComparisonVerdicts.Slower, "node-b", "overlayfs", "1.300"), (comparison.Verdict, comparison.NodeName, comparison.Snapshotter, comparison.Ratio));
        Assert.Equal([("node-a", ComparisonVerdicts.Same), ("node-b", ComparisonVerdicts.Slower)], comparison.Rows.Select(r => (r.NodeName!, r.Verdict)));
        Assert.Contains("1 same, 1 slower of 2 rows compared, deciding row node-b (overlayfs)", Regressed(status).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Surveys_of_different_nodes_have_nothing_in_common()
    {
        var (prod, prodResults) = SurveySucceeded(Benchmark(Prod, survey: true, uid: ProdUid), Document(3.0, node: "node-a"), Document(3.0, node: "node-b"));
        var (next, results) = SurveySucceeded(Benchmark(Next, OnProd, survey: true), Document(3.0, node: "node-c"), Document(3.0, node: "node-d"));

        var status = Compare(next, results, prod, prodResults).Status!;

        Assert.Equal((RegressedCondition.NothingInCommon, ComparisonVerdicts.NotComparable), (Regressed(status).Reason, status.Comparison!.Verdict));
        Assert.Contains("(baseline: node-a/overlayfs, node-b/overlayfs; this benchmark: node-c/overlayfs, node-d/overlayfs)", Regressed(status).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configmap_baseline_is_read_once_compared_and_its_version_recorded()
    {
        var spec = new BenchmarkBaseline { ConfigMap = "python-reference" };
        var (next, result) = Succeeded(Benchmark(Next, spec), Document(3.6));
        var reference = Reference(new Dictionary<string, string> { ["result.json"] = ResultJson.Serialize(Document(3.0)) });
        Assert.Equal("python-reference", BaselineReconciler.ConfigMapToRead(next, ReconcilePlan.None));

        var compared = After(next, Compare(next, [result], read: new BaselineConfigMapRead(reference)));

        Assert.Equal((ComparisonVerdicts.Slower, "ConfigMap", "python-reference", "cm-uid", "812"), (compared.Status!.Comparison!.Verdict, compared.Status.Comparison.Baseline.Kind, compared.Status.Comparison.Baseline.Name, compared.Status.Comparison.Baseline.Uid, compared.Status.Comparison.Baseline.ResourceVersion));
        Assert.Null(BaselineReconciler.ConfigMapToRead(compared, ReconcilePlan.None));
    }

    [Fact]
    public void A_configmap_baseline_that_is_not_there_is_looked_for_again_every_minute()
    {
        var (next, result) = Succeeded(Benchmark(Next, new BenchmarkBaseline { ConfigMap = "python-reference" }), Document(3.6));

        var plan = Compare(next, [result], read: new BaselineConfigMapRead(null));

        Assert.Equal(("Unknown", RegressedCondition.BaselineNotFound), (Regressed(plan.Status).Status, Regressed(plan.Status).Reason));
        Assert.StartsWith("ConfigMap python-reference does not exist in namespace team-a; create it with a result document under result.json (kubectl create configmap python-reference --from-file=result.json=benchmark_….json)", Regressed(plan.Status).Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(1), plan.RequeueAfter);
        Assert.Equal("python-reference", BaselineReconciler.ConfigMapToRead(After(next, plan), ReconcilePlan.None));
    }

    [Theory]
    [InlineData("benchmark.json", "{}", "ConfigMap python-reference has no key result.json (it has: benchmark.json); put the result document under result.json, or set spec.baseline.key")]
    [InlineData("result.json", "not json", "ConfigMap python-reference (key result.json) is not JSON")]
    [InlineData("result.json", "{\"schema_version\":1,\"rows\":[]}", "ConfigMap python-reference (key result.json) is not an UnpackBench result document")]
    public void A_configmap_baseline_without_a_result_document_says_what_is_wrong(string key, string data, string message)
    {
        var (next, result) = Succeeded(Benchmark(Next, new BenchmarkBaseline { ConfigMap = "python-reference" }), Document(3.6));

        var plan = Compare(next, [result], read: new BaselineConfigMapRead(Reference(new Dictionary<string, string> { [key] = data })));

        Assert.Equal(RegressedCondition.BaselineInvalid, Regressed(plan.Status).Reason);
        Assert.StartsWith(message, Regressed(plan.Status).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configmap_baseline_the_operator_may_not_read_says_so()
    {
        var (next, result) = Succeeded(Benchmark(Next, new BenchmarkBaseline { ConfigMap = "python-reference" }), Document(3.6));

        var plan = Compare(next, [result], read: new BaselineConfigMapRead(null, "the API server refused (HTTP 403 Forbidden): configmaps \"python-reference\" is forbidden"));

        Assert.Equal(RegressedCondition.BaselineUnreadable, Regressed(plan.Status).Reason);
        Assert.Contains("needs get on configmaps (config/rbac)", Regressed(plan.Status).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configmap_is_only_read_once_the_benchmark_succeeded()
    {
        var next = Benchmark(Next, new BenchmarkBaseline { ConfigMap = "python-reference" });
        next.Status = Status(next, BenchmarkPhase.Running);

        Assert.Null(BaselineReconciler.ConfigMapToRead(next, ReconcilePlan.None));
        Assert.Null(BaselineReconciler.ConfigMapToRead(Benchmark(Next, OnProd), new ReconcilePlan { Status = Status(next, BenchmarkPhase.Succeeded) }));
        Assert.Equal("python-reference", BaselineReconciler.ConfigMapToRead(next, new ReconcilePlan { Status = Status(next, BenchmarkPhase.Succeeded) }));
    }

    private static V1ConfigMap Reference(Dictionary<string, string> data) => new()
    {
        Metadata = new V1ObjectMeta { Name = "python-reference", NamespaceProperty = "team-a", Uid = "cm-uid", ResourceVersion = "812" },
        Data = data,
    };
}
