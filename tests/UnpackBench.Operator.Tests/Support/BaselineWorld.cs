using k8s.Models;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Reconciliation.Baseline;

namespace UnpackBench.Operator.Tests.Support;

/// <summary>
/// Benchmarks that have succeeded, as the operator leaves them: a status with its rows and the result
/// ConfigMaps its own builder writes, holding documents made of Core's real types. Run times scatter by
/// ±1 % around a median, so the comparisons' verdicts are known in advance.
/// </summary>
internal static class BaselineWorld
{
    public const string Prod = "python-prod";
    public const string Next = "python-next";
    public const string ProdUid = "0a1b2c3d-0000-4000-8000-000000000001";

    /// <summary>A benchmark (on one node, or a survey) with <paramref name="baseline"/> as its spec's baseline.</summary>
    public static V1Alpha1UnpackBenchmark Benchmark(string name, BenchmarkBaseline? baseline = null, long generation = 1, bool survey = false, string uid = Scenario.Uid)
    {
        var spec = Scenario.Spec with { Baseline = baseline, Placement = survey ? BenchmarkPlacement.EachNode : BenchmarkPlacement.OneNode };
        var benchmark = Scenario.Benchmark(spec, generation, name);
        benchmark.Metadata.Uid = uid;
        return benchmark;
    }

    /// <summary>Runs whose durations scatter ±1 % around <paramref name="median"/>.</summary>
    public static IReadOnlyList<RunResult> Runs(double median, int count = 5) =>
        [.. Enumerable.Range(1, count).Select(i => AgentReports.SuccessfulRun(i, median * (1 + (((i % 5) - 2) * 0.005))))];

    /// <summary>The agent's document of runs at <paramref name="median"/> on <paramref name="node"/>, one variant per snapshotter when there are several.</summary>
    public static BenchmarkResult Document(double median, string node = Scenario.Node, int runs = 5, params string[] snapshotters)
    {
        var document = AgentReports.Document(Runs(median, runs), numRuns: runs);
        document = document with { Environment = document.Environment with { Hostname = node } };
        return snapshotters.Length < 2 ? document : document with
        {
            Variants = [.. snapshotters.Select((s, i) => new VariantResult
            {
                Snapshotter = s,
                Encoding = "original",
                Status = VariantResult.Success,
                Decompressor = "unpigz",
                Summary = document.Summary,
                Runs = Runs(median * (1 + i), runs),
            })],
        };
    }

    /// <summary><paramref name="benchmark"/> succeeded on one node with <paramref name="document"/>: its status and its result ConfigMap.</summary>
    public static (V1Alpha1UnpackBenchmark Benchmark, V1ConfigMap Result) Succeeded(V1Alpha1UnpackBenchmark benchmark, BenchmarkResult document, bool partial = false)
    {
        var configMap = ResultConfigMapBuilder.Build(benchmark, document, partial);
        var summary = StatusSummarizer.Summarize(document.Summary);
        var snapshotters = document.Variants?.Select(v => v.Snapshotter).ToList() ?? [document.BenchmarkConfig.Snapshotter];
        var rows = snapshotters.Select(s => StatusRows.Row(document.Environment.Hostname, s, NodeFacts.None, "pod", BenchmarkPhase.Succeeded, "BenchmarkSucceeded", null, 5, summary, configMap.Metadata.Name));
        benchmark.Status = Status(benchmark, BenchmarkPhase.Succeeded, [.. rows]) with { NodeName = document.Environment.Hostname, ResultConfigMap = configMap.Metadata.Name, Summary = summary };
        return (benchmark, configMap);
    }

    /// <summary><paramref name="survey"/> succeeded on each node with its document: its rows and each node's ConfigMap.</summary>
    public static (V1Alpha1UnpackBenchmark Benchmark, IReadOnlyList<V1ConfigMap> Results) SurveySucceeded(V1Alpha1UnpackBenchmark survey, params BenchmarkResult[] documents)
    {
        var configMaps = documents.Select(d => ResultConfigMapBuilder.Build(survey, d, slot: new AgentSlot(d.Environment.Hostname))).ToList();
        var rows = documents.Zip(configMaps).Select(p => StatusRows.Row(
            p.First.Environment.Hostname, p.First.BenchmarkConfig.Snapshotter, NodeFacts.None, "pod", BenchmarkPhase.Succeeded, "BenchmarkSucceeded", null, 5, StatusSummarizer.Summarize(p.First.Summary), p.Second.Metadata.Name));
        survey.Status = Status(survey, BenchmarkPhase.Succeeded, [.. rows]) with { ResultConfigMap = ObjectNames.ResultConfigMap(survey) };
        return (survey, configMaps);
    }

    /// <summary>A status of <paramref name="benchmark"/>'s generation in <paramref name="phase"/> with <paramref name="rows"/>.</summary>
    public static UnpackBenchmarkStatus Status(V1Alpha1UnpackBenchmark benchmark, string phase, IReadOnlyList<NodeBenchmarkStatus>? rows = null)
    {
        var generation = benchmark.Metadata.Generation ?? 1;
        return new UnpackBenchmarkStatus
        {
            Phase = phase,
            ObservedGeneration = generation,
            Conditions = ConditionSet.For(phase, phase == BenchmarkPhase.Failed ? "AllRunsFailed" : "Reason", phase == BenchmarkPhase.Failed ? "every run failed" : "message", generation, [], Scenario.Now.AddMinutes(-1)),
            Nodes = rows ?? [],
        };
    }

    /// <summary>Decides the baseline step on its own (a plan that changes nothing else), as the step after the reconciler.</summary>
    public static ReconcilePlan Compare(
        V1Alpha1UnpackBenchmark candidate, IReadOnlyList<V1ConfigMap> candidateResults, V1Alpha1UnpackBenchmark? baseline = null, IReadOnlyList<V1ConfigMap>? baselineResults = null,
        BaselineConfigMapRead? read = null, ReconcilePlan? plan = null) =>
        BaselineReconciler.Decide(
            new ObservedBaseline(candidate, candidateResults, Scenario.Now) { BaselineBenchmark = baseline, BaselineConfigMaps = baselineResults ?? [], ConfigMapRead = read },
            plan ?? ReconcilePlan.None);

    /// <summary>The benchmark after the executor wrote <paramref name="plan"/>'s status.</summary>
    public static V1Alpha1UnpackBenchmark After(V1Alpha1UnpackBenchmark benchmark, ReconcilePlan plan) =>
        Scenario.After(benchmark, plan with { Status = plan.Status is null ? null : KubernetesStatus.RoundTrip(plan.Status) });

    /// <summary>The Regressed condition of <paramref name="status"/>.</summary>
    public static BenchmarkCondition Regressed(UnpackBenchmarkStatus? status) => Assert.Single(status!.Conditions, c => c.Type == RegressedCondition.Type);
}
