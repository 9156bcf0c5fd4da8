using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;

namespace UnpackBench.Operator.Reconciliation.Survey;

/// <summary>One snapshotter's outcome in a node's result document.</summary>
/// <param name="Snapshotter">The snapshotter.</param>
/// <param name="Succeeded">Whether it was benchmarked (a snapshotter the node lacks fails alone).</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Summary">Its summary.</param>
public sealed record SnapshotterResult(string Snapshotter, bool Succeeded, string? Error, BenchmarkSummary? Summary);

/// <summary>
/// The snapshotters a survey row is kept for, and each one's outcome in a node's result document: a
/// document of one snapshotter is its top-level summary; with several, the agent writes one variant per
/// snapshotter (and encoding) and the rows take each snapshotter's original-encoding variant.
/// </summary>
public static class SnapshotterResults
{
    /// <summary>The snapshotters <paramref name="spec"/> asks for, in the order the agent runs them.</summary>
    public static IReadOnlyList<string> Requested(UnpackBenchmarkSpec spec) => [spec.Snapshotter];

    /// <summary>Each snapshotter's outcome in <paramref name="document"/>.</summary>
    public static IReadOnlyList<SnapshotterResult> Of(BenchmarkResult document) =>
        [new(document.BenchmarkConfig.Snapshotter, document.Summary.SuccessfulRuns > 0, document.Summary.SuccessfulRuns > 0 ? null : "no run succeeded", document.Summary)];
}
