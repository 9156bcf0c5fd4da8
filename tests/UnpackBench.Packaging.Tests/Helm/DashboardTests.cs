using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UnpackBench.Packaging.Tests.Infrastructure;

namespace UnpackBench.Packaging.Tests.Helm;

public sealed partial class DashboardTests
{
    private const string DashboardFile = "dashboards/unpackbench.json";
    private static readonly JsonObject Dashboard = JsonNode.Parse(HelmChart.Read(DashboardFile))!.AsObject();

    [Fact]
    public void Dashboard_is_the_file_the_config_map_template_embeds()
    {
        Assert.Contains($".Files.Get \"{DashboardFile}\"", HelmChart.Read("templates/dashboard-configmap.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_queries_only_metrics_the_operator_defines()
    {
        var metrics = Contracts.OperatorMetrics();
        var exported = metrics.SelectMany(m => m.Value is "Histogram" or "Summary"
            ? new[] { m.Key + "_bucket", m.Key + "_sum", m.Key + "_count" }
            : [m.Key]).ToHashSet(StringComparer.Ordinal);
        var used = MetricName().Matches(string.Join("\n", Expressions())).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.True(exported.Contains(name), $"the dashboard queries {name}, which OperatorMetrics does not define"));
    }

    [Fact]
    public void Dashboard_groups_only_by_labels_the_metrics_carry()
    {
        var labels = Contracts.OperatorMetricLabels().Append("le").ToHashSet(StringComparer.Ordinal);
        foreach (Match by in GroupBy().Matches(string.Join("\n", Expressions())))
        {
            foreach (var label in by.Groups["labels"].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                Assert.True(labels.Contains(label), $"the dashboard groups by {label}, which no operator metric carries");
            }
        }
    }

    [Theory]
    [InlineData("unpackbench_benchmark_median_seconds")]
    [InlineData("unpackbench_benchmark_throughput_mb_per_second")]
    [InlineData("unpackbench_benchmark_cpu_peak_percent")]
    [InlineData("unpackbench_benchmark_memory_peak_mb")]
    public void Dashboard_plots_each_result_per_image_and_node(string metric)
    {
        Assert.Contains(Panels(), p => p["type"]!.GetValue<string>() == "timeseries"
            && p["targets"]!.AsArray().Any(t => t!["expr"]!.GetValue<string>().Contains($"max by (image, node) ({metric}{{", StringComparison.Ordinal)));
    }

    [Fact]
    public void Dashboard_compares_nodes_by_snapshotter_from_the_row_metrics()
    {
        var comparison = Assert.Single(Panels(), p => p["title"]!.GetValue<string>().StartsWith("Node comparison", StringComparison.Ordinal));
        var expression = Assert.Single(comparison["targets"]!.AsArray())!["expr"]!.GetValue<string>();
        Assert.Contains($"max by (node, snapshotter, instance_type, zone) ({Operator.Metrics.RowMetrics.NodeMedian.Name}{{", expression, StringComparison.Ordinal);
        Assert.Contains(Panels(), p => p["targets"]!.AsArray().Any(t => t!["expr"]!.GetValue<string>().Contains(Operator.Metrics.RowMetrics.SurveySpread.Name, StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_panel_uses_the_data_source_variable()
    {
        Assert.Contains(Dashboard["templating"]!["list"]!.AsArray(), v => v!["name"]!.GetValue<string>() == "datasource" && v["query"]!.GetValue<string>() == "prometheus");
        Assert.All(Panels(), p => Assert.Equal("${datasource}", p["datasource"]!["uid"]!.GetValue<string>()));
    }

    [Fact]
    public void Panels_do_not_overlap()
    {
        var cells = new HashSet<(int, int)>();
        foreach (var panel in Panels())
        {
            var grid = panel["gridPos"]!;
            int x = grid["x"]!.GetValue<int>(), y = grid["y"]!.GetValue<int>(), w = grid["w"]!.GetValue<int>(), h = grid["h"]!.GetValue<int>();
            Assert.True(x + w <= 24, $"panel {panel["title"]} is wider than the dashboard");
            for (var i = x; i < x + w; i++)
            {
                for (var j = y; j < y + h; j++)
                {
                    Assert.True(cells.Add((i, j)), $"panel {panel["title"]} overlaps another at {i},{j}");
                }
            }
        }
    }

    private static IEnumerable<JsonObject> Panels() => Dashboard["panels"]!.AsArray().OfType<JsonObject>();

    private static IEnumerable<string> Expressions() =>
        Panels().SelectMany(p => p["targets"]!.AsArray()).Select(t => t!["expr"]!.GetValue<string>())
            .Concat(Dashboard["templating"]!["list"]!.AsArray().Select(v => v!["definition"]?.GetValue<string>()).OfType<string>());

    [GeneratedRegex(@"\bunpackbench_[a-z_]+\b")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"\bby \((?<labels>[^)]*)\)")]
    private static partial Regex GroupBy();
}
