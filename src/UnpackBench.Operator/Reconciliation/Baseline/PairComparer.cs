using UnpackBench.Analysis.Comparison;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation.Baseline;

/// <summary>
/// Compares one pair of rows with <see cref="ResultComparer"/>, the function the agent's <c>compare</c>
/// uses, under the spec's threshold and force. A partial document (the agent's log was lost) has every
/// run's duration, which is all a verdict needs, but not the node's decompressor or containerd version:
/// a field that only a partial side leaves unknown is reported as unchecked instead of refusing the
/// comparison; any other difference refuses it unless <c>force</c> is set.
/// </summary>
public static class PairComparer
{
    /// <summary>Compares <paramref name="candidate"/> with <paramref name="baseline"/>.</summary>
    public static RowComparison Compare(RowDocument baseline, RowDocument candidate, BenchmarkBaseline spec)
    {
        var differences = Comparability.Differences(baseline.Document, candidate.Document);
        var @unchecked = differences.Where(d => d.Forceable && (Unknown(baseline, d.Baseline) || Unknown(candidate, d.Candidate))).ToList();
        var remaining = differences.Except(@unchecked).ToList();
        if (remaining.Any(d => !d.Forceable) || (remaining.Count > 0 && !spec.Force))
        {
            return new RowComparison(candidate.Node, candidate.Snapshotter, null, remaining, [.. @unchecked.Select(d => d.Field)]);
        }

        var options = new ComparisonOptions { ThresholdPercent = spec.ThresholdPercent, Force = differences.Count > 0 };
        return new RowComparison(candidate.Node, candidate.Snapshotter, ResultComparer.Compare(baseline.Document, candidate.Document, options), remaining, [.. @unchecked.Select(d => d.Field)]);
    }

    private static bool Unknown(RowDocument side, string? value) => side.Partial && value == PartialResultBuilder.Unknown;
}
