using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Metrics;
using UnpackBench.Operator.Tests.Support;
using static UnpackBench.Operator.Tests.Support.BaselineWorld;

namespace UnpackBench.Operator.Tests.Metrics;

/// <summary>The comparison with a baseline as series: the ratio with its interval and whether it regressed, there while a verdict is.</summary>
public sealed class ComparisonMetricsTests
{
    private static async Task<string> ScrapeAsync(OperatorMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Operator.Entities.V1Alpha1UnpackBenchmark Compared(double candidate)
    {
        var (prod, prodResult) = Succeeded(Benchmark(Prod, uid: ProdUid), Document(3.0));
        var (next, result) = Succeeded(Benchmark(Next, new BenchmarkBaseline { Benchmark = Prod }), Document(candidate));
        return After(next, Compare(next, [result], prod, [prodResult]));
    }

    [Fact]
    public async Task A_regressed_benchmark_exports_its_ratio_its_interval_and_regressed_1()
    {
        var metrics = new OperatorMetrics();
        var next = Compared(3.6);

        metrics.SetResult(next);

        var text = await ScrapeAsync(metrics);
        const string labels = "{namespace=\"team-a\",name=\"python-next\",baseline=\"python-prod\"}";
        Assert.Contains($"unpackbench_comparison_ratio{labels} 1.2", text, StringComparison.Ordinal);
        Assert.Contains($"unpackbench_comparison_ratio_lower{labels} {next.Status!.Comparison!.Lower!.TrimEnd('0')}", text, StringComparison.Ordinal);
        Assert.Contains($"unpackbench_comparison_ratio_upper{labels} ", text, StringComparison.Ordinal);
        Assert.Contains($"unpackbench_comparison_regressed{labels} 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_benchmark_within_the_threshold_exports_regressed_0()
    {
        var metrics = new OperatorMetrics();

        metrics.SetResult(Compared(3.03));

        Assert.Contains("unpackbench_comparison_regressed{namespace=\"team-a\",name=\"python-next\",baseline=\"python-prod\"} 0", await ScrapeAsync(metrics), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_series_go_with_the_comparison_and_with_the_benchmark()
    {
        var metrics = new OperatorMetrics();
        var next = Compared(3.6);
        metrics.SetResult(next);

        // A new generation has no comparison yet.
        metrics.SetResult(Scenario.After(next, new Operator.Reconciliation.ReconcilePlan { Status = next.Status! with { Comparison = null } }));
        Assert.DoesNotContain("unpackbench_comparison_ratio{", await ScrapeAsync(metrics), StringComparison.Ordinal);

        metrics.SetResult(next);
        metrics.RemoveResult(Scenario.Namespace, Next);
        var text = await ScrapeAsync(metrics);
        Assert.DoesNotContain("unpackbench_comparison_ratio{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("unpackbench_comparison_regressed{", text, StringComparison.Ordinal);
    }
}
