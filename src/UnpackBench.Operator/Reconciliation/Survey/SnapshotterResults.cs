using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Core.Variants;

namespace UnpackBench.Operator.Reconciliation.Survey;

/// <summary>One snapshotter's outcome in a node's result document.</summary>
/// <param name="Snapshotter">The snapshotter.</param>
/// <param name="Succeeded">Whether it was benchmarked (a snapshotter the node lacks fails alone).</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Summary">Its summary.</param>
public sealed record SnapshotterResult(string Snapshotter, bool Succeeded, string? Error, BenchmarkSummary? Summary);

/// <summary>
/// The snapshotters status rows are kept for, and each one's outcome in a node's result document: with
/// <c>variants</c> (several snapshotters or encodings) each snapshotter's variant of the original encoding;
/// without, the document's own summary, which is its one snapshotter's.
/// </summary>
public static class SnapshotterResults
{
    /// <summary>The snapshotters <paramref name="spec"/> asks for, in the order the agent runs them.</summary>
    public static IReadOnlyList<string> Requested(UnpackBenchmarkSpec spec) => spec.EffectiveSnapshotters;

    /// <summary>Each snapshotter's outcome in <paramref name="document"/>.</summary>
    public static IReadOnlyList<SnapshotterResult> Of(BenchmarkResult document) => document.Variants is { Count: > 0 } variants
        ? [.. variants
            .Where(v => v.Encoding == LayerEncoding.Original.Name)
            .Select(v => new SnapshotterResult(v.Snapshotter, v.Status == VariantResult.Success && v.Summary.SuccessfulRuns > 0, v.Error ?? (v.Summary.SuccessfulRuns > 0 ? null : "no run succeeded"), v.Summary))]
        : [new(document.BenchmarkConfig.Snapshotter, document.Summary.SuccessfulRuns > 0, document.Summary.SuccessfulRuns > 0 ? null : "no run succeeded", document.Summary)];
}
