using k8s;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Tests.Integration.Support;
using Xunit.Abstractions;

namespace UnpackBench.Operator.Tests.Integration;

/// <summary>What Prometheus scrapes after real benchmarks.</summary>
public sealed class MetricsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Finished_benchmarks_are_exported_with_their_labels_and_removed_when_deleted()
    {
        await using var cluster = await OperatorCluster.StartAsync(output);
        var image = await cluster.PushSampleAsync();
        var running = cluster.StartOperator();
        await cluster.CreateBenchmarkAsync("exported", cluster.Spec(image, runs: 2));
        var done = await cluster.WaitForPhaseAsync("exported", BenchmarkPhase.Succeeded);

        var labels = $"namespace=\"default\",name=\"exported\",image=\"{image}\",node=\"node-1\",snapshotter=\"overlayfs\"";
        // The status is visible to the API's readers a moment before the operator has handled the write's answer,
        // and until then the gauge may still hold a running benchmark's median: wait for the final one.
        var median = $"unpackbench_benchmark_median_seconds{{{labels}}} {done.Status!.Summary!.MedianSeconds}";
        await UnpackBench.Testing.Eventually.TrueAsync(async _ => (await running.ScrapeAsync()).Contains(median, StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the result gauges");
        var scrape = await running.ScrapeAsync();

        Assert.Contains(median, scrape, StringComparison.Ordinal);
        Assert.Contains($"unpackbench_benchmark_throughput_mb_per_second{{{labels}}}", scrape, StringComparison.Ordinal);
        Assert.Contains("unpackbench_benchmarks{phase=\"Succeeded\"} 1", scrape, StringComparison.Ordinal);
        Assert.Contains("unpackbench_runs_total{outcome=\"success\"} 2", scrape, StringComparison.Ordinal);
        Assert.Contains("unpackbench_reconcile_duration_seconds_count", scrape, StringComparison.Ordinal);

        await cluster.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(Entities.V1Alpha1UnpackBenchmark.Group, Entities.V1Alpha1UnpackBenchmark.Version, OperatorCluster.Namespace, Entities.V1Alpha1UnpackBenchmark.Plural, "exported");
        await UnpackBench.Testing.Eventually.TrueAsync(async _ => !(await running.ScrapeAsync()).Contains("name=\"exported\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the deleted benchmark's gauges to go");
    }
}
