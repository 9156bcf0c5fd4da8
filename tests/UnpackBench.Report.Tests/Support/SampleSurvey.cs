using System.Globalization;
using System.Text.Json.Nodes;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Core.Statistics;
using UnpackBench.Report.Survey;

namespace UnpackBench.Report.Tests.Support;

/// <summary>
/// A finished survey as the operator leaves it: an index (<c>fleet-result</c>) and one document per node
/// (<c>fleet-result-NODE</c>), in two snapshotters, with one failed row and one node left out — and the
/// same ConfigMaps as <c>kubectl get cm -o json</c> prints them.
/// </summary>
internal static class SampleSurvey
{
    /// <summary>Each node's runs in overlayfs; native takes 1.5 times as long.</summary>
    public static readonly (string Node, double[] Durations)[] Nodes =
    [
        ("node-a", [1.20, 1.22, 1.19, 1.25, 1.21]),
        ("node-b", [2.10, 2.30, 2.05, 2.40, 2.20]),
        ("node-c", [1.60, 1.62, 1.58, 1.70, 1.61]),
    ];

    public static SurveyReportInput Input() => new(Index(), Documents());

    public static Dictionary<string, BenchmarkResult> Documents() =>
        Nodes.ToDictionary(n => ConfigMapName(n.Node), n => Document(n.Node, n.Durations), StringComparer.Ordinal);

    public static SurveyIndex Index()
    {
        var rows = Nodes.SelectMany(n => new[] { Row(n.Node, "overlayfs", n.Durations), Row(n.Node, "native", [.. n.Durations.Select(d => d * 1.5)]) }).ToList();
        rows[^1] = rows[^1] with { Phase = BenchmarkPhase.Failed, Reason = "SnapshotterFailed", Message = "snapshotter 'native' is not available; available: overlayfs", MedianSeconds = null, P95Seconds = null };
        return new SurveyIndex
        {
            Benchmark = "fleet",
            Generation = 2,
            Image = "registry.example/app:1",
            Phase = BenchmarkPhase.PartiallySucceeded,
            StartTime = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
            CompletionTime = new DateTimeOffset(2026, 3, 1, 12, 9, 0, TimeSpan.Zero),
            Summary = new SurveyStatus
            {
                Nodes = 3,
                Succeeded = 2,
                Failed = 1,
                Skipped = 1,
                Progress = "3/3",
                Fastest = new SurveyExtreme { NodeName = "node-a", Snapshotter = "overlayfs", MedianSeconds = "1.210" },
                Slowest = new SurveyExtreme { NodeName = "node-b", Snapshotter = "native", MedianSeconds = "3.300" },
                Spread = "2.73",
                SkippedNodes = [new SkippedNode { NodeName = "node-d", Reason = "Cordoned", Message = "node node-d is cordoned (unschedulable)" }],
            },
            Rows = rows,
        };
    }

    /// <summary>The ConfigMaps as <c>kubectl get cm -l unpackbench.io/benchmark=fleet -o json</c> prints them.</summary>
    public static string KubectlJson(SurveyIndex? index = null, IReadOnlyDictionary<string, BenchmarkResult>? documents = null)
    {
        var items = new JsonArray { ConfigMap("fleet-result", ResultDataKeys.SurveyIndex, SurveyIndex.Serialize(index ?? Index())) };
        foreach (var (name, document) in documents ?? Documents())
        {
            items.Add(ConfigMap(name, ResultDataKeys.Document, ResultJson.Serialize(document)));
        }

        return List(items);
    }

    public static string List(JsonArray items) =>
        new JsonObject { ["apiVersion"] = "v1", ["items"] = items, ["kind"] = "List", ["metadata"] = new JsonObject { ["resourceVersion"] = "" } }.ToJsonString();

    /// <summary>A ConfigMap as kubectl prints it, labelled with <paramref name="benchmark"/> (none when null) and annotated with <paramref name="generation"/>.</summary>
    public static JsonObject ConfigMap(string name, string key, string data, string? benchmark = "fleet", long generation = 2)
    {
        var labels = new JsonObject { ["app.kubernetes.io/managed-by"] = "unpackbench-operator" };
        if (benchmark is not null)
        {
            labels[ResultConfigMapMetadata.BenchmarkLabel] = benchmark;
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["data"] = new JsonObject { [key] = data },
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = "team-a",
                ["labels"] = labels,
                ["annotations"] = new JsonObject { [ResultConfigMapMetadata.GenerationAnnotation] = generation.ToString(CultureInfo.InvariantCulture) },
            },
        };
    }

    public static string ConfigMapName(string node) => $"fleet-result-{node}";

    private static BenchmarkResult Document(string node, double[] durations)
    {
        var document = SampleResults.Benchmark(durations, withSeries: false);
        var native = SampleResults.Benchmark([.. durations.Select(d => d * 1.5)], withSeries: false);
        return document with
        {
            Environment = document.Environment with { Hostname = node },
            Variants =
            [
                new VariantResult { Snapshotter = "overlayfs", Encoding = "original", Status = VariantResult.Success, Decompressor = "unpigz", Summary = document.Summary, Runs = document.Runs },
                new VariantResult { Snapshotter = "native", Encoding = "original", Status = VariantResult.Success, Decompressor = "unpigz", Summary = native.Summary, Runs = native.Runs },
            ],
        };
    }

    private static NodeBenchmarkStatus Row(string node, string snapshotter, double[] durations)
    {
        double[] sorted = [.. durations.Order()];
        return new NodeBenchmarkStatus
        {
            NodeName = node,
            Snapshotter = snapshotter,
            InstanceType = node == "node-b" ? "m5.large" : "m6id.xlarge",
            Zone = "zone-1",
            Kernel = "6.1.0-18-amd64",
            ContainerdVersion = "1.6.20",
            AgentPod = $"fleet-agent-g2-6f1c2a-{node}",
            Phase = BenchmarkPhase.Succeeded,
            CompletedRuns = durations.Length,
            MedianSeconds = Seconds(DurationStatistics.Percentile(sorted, 0.5)),
            P95Seconds = Seconds(DurationStatistics.Percentile(sorted, 0.95)),
            ThroughputMBps = "100.0",
            CpuSeconds = "1.200",
            MemoryPeakMB = "130.5",
            ResultConfigMap = ConfigMapName(node),
        };
    }

    private static string Seconds(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
