using System.Globalization;
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
        await cluster.WaitForPhaseAsync("exported", BenchmarkPhase.Succeeded);

        var labels = $"namespace=\"default\",name=\"exported\",image=\"{image}\",node=\"node-1\",snapshotter=\"overlayfs\"";
        // The status is visible to the API's readers a moment before the operator has handled the write's answer,
        // and until then the gauge may still hold an earlier median: wait for the one the status holds. The status
        // writes "0.040" where Prometheus writes 0.04, so the two are compared as numbers.
        var gauge = $"unpackbench_benchmark_median_seconds{{{labels}}} ";
        var scrape = "";
        await UnpackBench.Testing.Eventually.TrueAsync(
            async _ =>
            {
                var median = double.Parse((await cluster.ReadBenchmarkAsync("exported"))!.Status!.Summary!.MedianSeconds!, CultureInfo.InvariantCulture);
                scrape = await running.ScrapeAsync();
                return scrape.Split('\n').Any(line => line.StartsWith(gauge, StringComparison.Ordinal) && double.Parse(line[gauge.Length..], CultureInfo.InvariantCulture) == median);
            },
            TimeSpan.FromSeconds(10),
            "the median gauge to hold the status's median");

        Assert.Contains($"unpackbench_benchmark_throughput_mb_per_second{{{labels}}}", scrape, StringComparison.Ordinal);
        Assert.Contains("unpackbench_benchmarks{phase=\"Succeeded\"} 1", scrape, StringComparison.Ordinal);
        Assert.Contains("unpackbench_runs_total{outcome=\"success\"} 2", scrape, StringComparison.Ordinal);
        Assert.Contains("unpackbench_reconcile_duration_seconds_count", scrape, StringComparison.Ordinal);

        await cluster.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(Entities.V1Alpha1UnpackBenchmark.Group, Entities.V1Alpha1UnpackBenchmark.Version, OperatorCluster.Namespace, Entities.V1Alpha1UnpackBenchmark.Plural, "exported");
        await UnpackBench.Testing.Eventually.TrueAsync(async _ => !(await running.ScrapeAsync()).Contains("name=\"exported\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the deleted benchmark's gauges to go");
    }
}
