using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;

namespace UnpackBench.Operator.Reconciliation.Survey;

/// <summary>
/// A survey node's status rows (one per snapshotter) and the single-node status they stand for: the
/// survey decides each node's agent with the same decisions as a benchmark on one node, reading the
/// node's previous rows as that benchmark's previous status and turning the status it decides into rows.
/// </summary>
public static class SurveyRows
{
    /// <summary>The rows of a node whose agent has not started: Pending, with what is known of the node.</summary>
    public static IReadOnlyList<NodeBenchmarkStatus> Fresh(string node, NodeFacts facts, IReadOnlyList<string> snapshotters, string reason, string message) =>
        [.. snapshotters.Select(s => StatusRows.Row(node, s, facts, "", BenchmarkPhase.Pending, reason, message, 0, null, null))];

    /// <summary>Whether every row of a node has ended.</summary>
    public static bool Finished(IReadOnlyList<NodeBenchmarkStatus> rows) => rows.All(r => BenchmarkPhase.IsFinished(r.Phase));

    /// <summary>The node's phase: its agent's, or once every row ended, Succeeded if any snapshotter did, else Failed.</summary>
    public static string NodePhase(IReadOnlyList<NodeBenchmarkStatus> rows) => !Finished(rows)
        ? rows[0].Phase
        : rows.Any(r => r.Phase == BenchmarkPhase.Succeeded) ? BenchmarkPhase.Succeeded : BenchmarkPhase.Failed;

    /// <summary>The status of a benchmark on one node that <paramref name="rows"/> of generation <paramref name="generation"/> stand for.</summary>
    public static UnpackBenchmarkStatus AsNodeStatus(IReadOnlyList<NodeBenchmarkStatus> rows, long generation, int runs)
    {
        var first = rows[0];
        var phase = NodePhase(rows);
        return new UnpackBenchmarkStatus
        {
            Phase = phase,
            ObservedGeneration = generation,
            Conditions = first.Reason is { } reason
                ? [new BenchmarkCondition { Type = ConditionSet.Ready, Status = phase == BenchmarkPhase.Succeeded ? "True" : "False", Reason = reason, Message = first.Message ?? "", ObservedGeneration = generation }]
                : [],
            CompletedRuns = first.CompletedRuns,
            Runs = runs,
            NodeName = first.NodeName,
            ResultConfigMap = first.ResultConfigMap,
            Summary = StatusRows.Summary(first),
            Nodes = [first],
        };
    }

    /// <summary>
    /// The rows for the single-node <paramref name="status"/> decided for a node: one per snapshotter, each
    /// with its own figures once <paramref name="document"/> (the agent's, after it succeeded) has them.
    /// </summary>
    public static IReadOnlyList<NodeBenchmarkStatus> From(UnpackBenchmarkStatus status, IReadOnlyList<string> snapshotters, int attempts, BenchmarkResult? document)
    {
        var row = status.Nodes[0] with { Attempts = attempts };
        if (status.Phase != BenchmarkPhase.Succeeded || document is null)
        {
            return [.. snapshotters.Select((s, i) => i == 0 ? row with { Snapshotter = s } : WithoutFigures(row with { Snapshotter = s }))];
        }

        var results = SnapshotterResults.Of(document);
        return
        [
            .. snapshotters.Select(s => results.FirstOrDefault(r => r.Snapshotter == s) is { } result
                ? WithFigures(row with { Snapshotter = s }, result)
                : WithoutFigures(row with { Snapshotter = s, Phase = BenchmarkPhase.Failed, Reason = "SnapshotterMissing", Message = $"the agent's document has no result for snapshotter {s}" })),
        ];
    }

    private static NodeBenchmarkStatus WithFigures(NodeBenchmarkStatus row, SnapshotterResult result)
    {
        var summary = result.Summary is null ? null : StatusSummarizer.Summarize(result.Summary);
        var figures = StatusRows.Row(row.NodeName, row.Snapshotter, NodeFacts.None, row.AgentPod, row.Phase, row.Reason, row.Message, row.CompletedRuns, summary, row.ResultConfigMap);
        var merged = row with
        {
            MedianSeconds = figures.MedianSeconds,
            P95Seconds = figures.P95Seconds,
            ThroughputMBps = figures.ThroughputMBps,
            CpuSeconds = figures.CpuSeconds,
            MemoryPeakMB = figures.MemoryPeakMB,
        };
        return result.Succeeded ? merged : merged with { Phase = BenchmarkPhase.Failed, Reason = "SnapshotterFailed", Message = result.Error };
    }

    private static NodeBenchmarkStatus WithoutFigures(NodeBenchmarkStatus row) =>
        row with { MedianSeconds = null, P95Seconds = null, ThroughputMBps = null, CpuSeconds = null, MemoryPeakMB = null };
}
