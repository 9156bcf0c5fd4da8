namespace UnpackBench.Operator.Reconciliation.Baseline;

/// <summary>
/// Which rows of a benchmark are compared with which rows of its baseline. When each side ran on one node
/// (benchmarks the scheduler placed, or a document), their snapshotters are paired whatever the nodes — a
/// different node is then a difference the comparison refuses unless forced, as the agent's compare
/// does — and with no snapshotter in common their first rows are. When either side is a survey, rows
/// are paired by node and snapshotter: a node only one side measured is not compared.
/// </summary>
public static class RowPairing
{
    /// <summary>The pairs (baseline, candidate), in the candidate's row order.</summary>
    public static IReadOnlyList<(RowDocument Baseline, RowDocument Candidate)> Pair(IReadOnlyList<RowDocument> baseline, IReadOnlyList<RowDocument> candidate)
    {
        if (baseline.Count == 0 || candidate.Count == 0)
        {
            return [];
        }

        if (OnOneNode(baseline) && OnOneNode(candidate))
        {
            var bySnapshotter = candidate.Select(c => (Baseline: baseline.FirstOrDefault(b => b.Snapshotter == c.Snapshotter), Candidate: c)).Where(p => p.Baseline is not null).ToList();
            return bySnapshotter.Count > 0 ? [.. bySnapshotter.Select(p => (p.Baseline!, p.Candidate))] : [(baseline[0], candidate[0])];
        }

        return [.. candidate
            .Select(c => (Baseline: baseline.FirstOrDefault(b => b.Node == c.Node && b.Snapshotter == c.Snapshotter), Candidate: c))
            .Where(p => p.Baseline is not null)
            .Select(p => (p.Baseline!, p.Candidate))];
    }

    private static bool OnOneNode(IReadOnlyList<RowDocument> rows) => rows.Select(r => r.Node).Distinct(StringComparer.Ordinal).Count() == 1;
}
