using System.Globalization;
using Prometheus;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Metrics;

/// <summary>
/// Gauges per status row — one node and snapshotter of a benchmark (a survey has many) — and per survey.
/// Cardinality is bounded by what exists: a row's series appear when the row succeeds and go with its
/// benchmark (or its next generation), so the series of one gauge number at most the rows of the
/// benchmarks that exist (nodes × snapshotters of each); instance type and zone follow from the node
/// and add none.
/// </summary>
public sealed class RowMetrics
{
    private static readonly string[] RowLabels = ["namespace", "name", "image", "node", "snapshotter", "instance_type", "zone"];
    private static readonly string[] SurveyLabels = ["namespace", "name", "image"];
    private readonly Dictionary<string, (List<string[]> Rows, string[]? Survey)> _published = [];
    private readonly Gauge[] _rowGauges;
    private readonly Gauge _spread;
    private readonly Gauge _nodes;

    /// <summary>Median unpack time of each succeeded row.</summary>
    public static readonly MetricDefinition NodeMedian = new("unpackbench_node_median_seconds", "Median unpack time on one node with one snapshotter, seconds.", MetricKind.Gauge, RowLabels);

    /// <summary>95th percentile of each succeeded row.</summary>
    public static readonly MetricDefinition NodeP95 = new("unpackbench_node_p95_seconds", "95th percentile unpack time on one node with one snapshotter, seconds.", MetricKind.Gauge, RowLabels);

    /// <summary>Throughput at the median of each succeeded row.</summary>
    public static readonly MetricDefinition NodeThroughput = new("unpackbench_node_throughput_mb_per_second", "Uncompressed MB per second at the median on one node with one snapshotter.", MetricKind.Gauge, RowLabels);

    /// <summary>containerd's CPU seconds per run of each succeeded row.</summary>
    public static readonly MetricDefinition NodeCpu = new("unpackbench_node_cpu_seconds", "containerd's CPU seconds per run on one node with one snapshotter.", MetricKind.Gauge, RowLabels);

    /// <summary>containerd's memory peak of each succeeded row.</summary>
    public static readonly MetricDefinition NodeMemory = new("unpackbench_node_memory_peak_mb", "containerd's highest memory use on one node with one snapshotter, MiB.", MetricKind.Gauge, RowLabels);

    /// <summary>Slowest / fastest median of a survey.</summary>
    public static readonly MetricDefinition SurveySpread = new("unpackbench_survey_spread", "Slowest median divided by the fastest median of a survey.", MetricKind.Gauge, SurveyLabels);

    /// <summary>A survey's nodes by state.</summary>
    public static readonly MetricDefinition SurveyNodes = new("unpackbench_survey_nodes", "A survey's nodes by state (succeeded, failed, skipped, unfinished).", MetricKind.Gauge, ["namespace", "name", "state"]);

    /// <summary>Every metric of this class.</summary>
    public static IReadOnlyList<MetricDefinition> Definitions { get; } = [NodeMedian, NodeP95, NodeThroughput, NodeCpu, NodeMemory, SurveySpread, SurveyNodes];

    /// <summary>Creates the gauges with <paramref name="factory"/>.</summary>
    public RowMetrics(IMetricFactory factory)
    {
        Gauge Gauge(MetricDefinition d) => factory.CreateGauge(d.Name, d.Help, [.. d.Labels]);
        _rowGauges = [Gauge(NodeMedian), Gauge(NodeP95), Gauge(NodeThroughput), Gauge(NodeCpu), Gauge(NodeMemory)];
        _spread = Gauge(SurveySpread);
        _nodes = Gauge(SurveyNodes);
    }

    /// <summary>Replaces the benchmark's series with those of its status (caller holds the lock).</summary>
    public void Set(string key, V1Alpha1UnpackBenchmark benchmark)
    {
        Remove(key);
        var status = benchmark.Status;
        string[] owner = [benchmark.Metadata.NamespaceProperty ?? "", benchmark.Metadata.Name, benchmark.Spec.Image];
        var rows = new List<string[]>();
        foreach (var row in status?.Nodes.Where(r => r.Phase == BenchmarkPhase.Succeeded && r.NodeName is not null) ?? [])
        {
            string[] labels = [.. owner, row.NodeName!, row.Snapshotter ?? benchmark.Spec.EffectiveSnapshotters[0], row.InstanceType ?? "", row.Zone ?? ""];
            rows.Add(labels);
            string?[] values = [row.MedianSeconds, row.P95Seconds, row.ThroughputMBps, row.CpuSeconds, row.MemoryPeakMB];
            for (var i = 0; i < _rowGauges.Length; i++)
            {
                Publish(_rowGauges[i], labels, values[i]);
            }
        }

        // A prediction's survey section sums predicted times up, which are no measurement to export.
        var survey = benchmark.Spec.Mode == BenchmarkMode.Predict ? null : status?.Survey;
        if (survey is not null)
        {
            Publish(_spread, owner, survey.Spread);
            foreach (var (state, count) in States(survey))
            {
                _nodes.WithLabels(owner[0], owner[1], state).Set(count);
            }
        }

        _published[key] = (rows, survey is null ? null : owner);
    }

    /// <summary>Removes the benchmark's series (caller holds the lock).</summary>
    public void Remove(string key)
    {
        if (!_published.Remove(key, out var published))
        {
            return;
        }

        foreach (var labels in published.Rows)
        {
            foreach (var gauge in _rowGauges)
            {
                gauge.RemoveLabelled(labels);
            }
        }

        if (published.Survey is { } owner)
        {
            _spread.RemoveLabelled(owner);
            foreach (var (state, _) in States(new SurveyStatus()))
            {
                _nodes.RemoveLabelled(owner[0], owner[1], state);
            }
        }
    }

    private static (string State, int Count)[] States(SurveyStatus survey) =>
        [("succeeded", survey.Succeeded), ("failed", survey.Failed), ("skipped", survey.Skipped), ("unfinished", survey.Nodes - survey.Succeeded - survey.Failed)];

    private static void Publish(Gauge gauge, string[] labels, string? value)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            gauge.WithLabels(labels).Set(number);
        }
    }
}
