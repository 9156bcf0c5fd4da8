using System.Globalization;
using UnpackBench.Analysis.Comparison;
using UnpackBench.Analysis.Documents;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Reconciliation.Baseline;
using UnpackBench.Operator.Tests.Integration.Support;
using Xunit.Abstractions;

namespace UnpackBench.Operator.Tests.Integration;

/// <summary>
/// spec.baseline in the cluster, with the real agent on real containerd and config/rbac enforced: a
/// benchmark compared with another of the same image, and a baseline that does not exist. Lean: a tiny
/// image, 4 runs each (the fewest for which a 95 % interval exists).
/// </summary>
public sealed class BaselineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_benchmark_compared_with_another_of_the_same_image_has_the_comparison_in_status()
    {
        await using var cluster = await OperatorCluster.StartAsync(output, new OperatorClusterOptions { Rbac = true });
        var image = await cluster.PushSampleAsync();
        cluster.StartOperator();

        // Both at once: whichever finishes first, the candidate is compared once both have succeeded.
        await cluster.CreateBenchmarkAsync("prod", cluster.Spec(image, runs: 4));
        await cluster.CreateBenchmarkAsync("next", cluster.Spec(image, runs: 4) with { Baseline = new BenchmarkBaseline { Benchmark = "prod" } });
        var next = await cluster.WaitForBenchmarkAsync("next", b => b.Status?.Comparison is not null, "a comparison in status", TimeSpan.FromMinutes(3));
        var prod = await cluster.WaitForPhaseAsync("prod", BenchmarkPhase.Succeeded);

        var comparison = next.Status!.Comparison!;
        Assert.Equal(("UnpackBenchmark", "prod", prod.Metadata.Uid, 1L, 1L, "5"), (comparison.Baseline.Kind, comparison.Baseline.Name, comparison.Baseline.Uid, comparison.Baseline.Generation, comparison.ObservedGeneration, comparison.ThresholdPercent));
        Assert.Equal((4, 4, "node-1"), (comparison.Runs, comparison.BaselineRuns, comparison.NodeName));
        Assert.NotNull(comparison.Lower);
        Assert.NotNull(comparison.Upper);

        // The verdict is the agent's compare of the two result documents, whatever it is on this machine.
        var expected = ResultComparer.Compare(await DocumentAsync(cluster, "prod-result"), await DocumentAsync(cluster, "next-result"), new ComparisonOptions());
        Assert.Equal(expected.Verdict.ToString(), comparison.Verdict);
        Assert.Equal(expected.Duration.Ratio!.Value.ToString("0.000", CultureInfo.InvariantCulture), comparison.Ratio);
        var regressed = next.Status.Conditions.Single(c => c.Type == RegressedCondition.Type);
        Assert.Equal(
            expected.Verdict switch { ComparisonVerdict.Slower => "True", ComparisonVerdict.Inconclusive => "Unknown", _ => "False" },
            regressed.Status);
        Assert.Equal(comparison.Verdict, regressed.Reason);
        var events = await cluster.EventsAsync("next");
        Assert.Single(events, e => e.Reason is RegressedCondition.ComparedEvent or RegressedCondition.RegressedEvent);
    }

    [Fact]
    public async Task A_baseline_that_does_not_exist_is_a_condition_with_its_reason()
    {
        await using var cluster = await OperatorCluster.StartAsync(output, new OperatorClusterOptions { Rbac = true });
        var image = await cluster.PushSampleAsync();
        cluster.StartOperator();

        await cluster.CreateBenchmarkAsync("lonely", cluster.Spec(image, runs: 1) with { Baseline = new BenchmarkBaseline { Benchmark = "absent" } });
        var done = await cluster.WaitForBenchmarkAsync(
            "lonely", b => b.Status?.Conditions.Any(c => c.Type == RegressedCondition.Type && c.Reason == RegressedCondition.BaselineNotFound) == true, "Regressed: BaselineNotFound");

        Assert.Equal(BenchmarkPhase.Succeeded, done.Status!.Phase);
        Assert.Null(done.Status.Comparison);
        var regressed = done.Status.Conditions.Single(c => c.Type == RegressedCondition.Type);
        Assert.Equal(("Unknown", "UnpackBenchmark absent does not exist in namespace default; create it or fix spec.baseline.benchmark. The comparison is made once it exists and succeeds"), (regressed.Status, regressed.Message));
        Assert.Contains(await cluster.EventsAsync("lonely"), e => e.Reason == RegressedCondition.BaselineNotFound && e.Type == "Warning");

        // A baseline benchmark is read from the operator's caches: no request was made for it.
        Assert.Equal(0, cluster.OperatorRequests("get", "unpackbenchmarks"));
        Assert.Equal(0, cluster.OperatorRequests("get", "configmaps"));
    }

    private static async Task<Core.Results.BenchmarkResult> DocumentAsync(OperatorCluster cluster, string configMap) =>
        ResultDocumentParser.Parse((await cluster.ConfigMapAsync(configMap))!.Data[ResultConfigMapBuilder.DocumentKey], configMap);
}
