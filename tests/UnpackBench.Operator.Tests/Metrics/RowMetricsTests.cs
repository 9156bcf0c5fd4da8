using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Metrics;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Metrics;

/// <summary>Series per node and snapshotter, and per survey: there while their benchmark is, and only for rows that succeeded.</summary>
public sealed class RowMetricsTests
{
    private static UnpackBenchmarkStatus Survey(params NodeBenchmarkStatus[] rows) => new()
    {
        Phase = BenchmarkPhase.PartiallySucceeded,
        Nodes = rows,
        Survey = new SurveyStatus { Nodes = 3, Succeeded = 2, Failed = 1, Skipped = 1, Spread = "1.50" },
    };

    private static NodeBenchmarkStatus Row(string node, string snapshotter, string phase, string? median) =>
        StatusRows.Row(node, snapshotter, new NodeFacts("m5.large", "zone-a", null, null), "pod", phase, null, null, 2, median is null ? null : new BenchmarkSummaryStatus { MedianSeconds = median, ThroughputMBps = "100.0" }, null);

    private static async Task<string> ScrapeAsync(OperatorMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task Each_succeeded_row_is_a_series_with_its_node_snapshotter_instance_type_and_zone()
    {
        var metrics = new OperatorMetrics();
        var benchmark = Scenario.Benchmark(status: Survey(Row("node-a", "overlayfs", BenchmarkPhase.Succeeded, "1.000"), Row("node-a", "native", BenchmarkPhase.Succeeded, "2.000"), Row("node-b", "overlayfs", BenchmarkPhase.Failed, null)));

        metrics.SetResult(benchmark);

        var text = await ScrapeAsync(metrics);
        Assert.Contains("unpackbench_node_median_seconds{namespace=\"team-a\",name=\"python\",image=\"localhost:5000/library/python:3.12\",node=\"node-a\",snapshotter=\"overlayfs\",instance_type=\"m5.large\",zone=\"zone-a\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("snapshotter=\"native\",instance_type=\"m5.large\",zone=\"zone-a\"} 2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("node=\"node-b\"", text, StringComparison.Ordinal);
        Assert.Contains("unpackbench_survey_spread{namespace=\"team-a\",name=\"python\",image=\"localhost:5000/library/python:3.12\"} 1.5", text, StringComparison.Ordinal);
        Assert.Contains("unpackbench_survey_nodes{namespace=\"team-a\",name=\"python\",state=\"failed\"} 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_benchmark_takes_its_row_and_survey_series_with_it()
    {
        var metrics = new OperatorMetrics();
        metrics.SetResult(Scenario.Benchmark(status: Survey(Row("node-a", "overlayfs", BenchmarkPhase.Succeeded, "1.000"))));

        metrics.RemoveResult(Scenario.Namespace, Scenario.Name);

        var text = await ScrapeAsync(metrics);
        Assert.DoesNotContain("node=\"node-a\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("unpackbench_survey_spread{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("unpackbench_survey_nodes{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_status_replaces_the_rows_series_rather_than_adding_to_them()
    {
        var metrics = new OperatorMetrics();
        metrics.SetResult(Scenario.Benchmark(status: Survey(Row("node-a", "overlayfs", BenchmarkPhase.Succeeded, "1.000"))));

        metrics.SetResult(Scenario.Benchmark(status: Survey(Row("node-b", "overlayfs", BenchmarkPhase.Succeeded, "1.200"))));

        var text = await ScrapeAsync(metrics);
        Assert.DoesNotContain("node=\"node-a\"", text, StringComparison.Ordinal);
        Assert.Contains("node=\"node-b\"", text, StringComparison.Ordinal);
    }
}
