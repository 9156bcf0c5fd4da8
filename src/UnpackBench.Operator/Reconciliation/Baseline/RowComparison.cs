using UnpackBench.Analysis.Comparison;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation.Baseline;

/// <summary>
/// The comparison of one node × snapshotter with the baseline's: the agent's comparison record, or the
/// setup differences that refused it.
/// </summary>
/// <param name="Node">The candidate's node.</param>
/// <param name="Snapshotter">The candidate's snapshotter.</param>
/// <param name="Comparison">The comparison, or null when it was refused.</param>
/// <param name="Differences">The fields that differ: compared past (forced), or that refused the comparison.</param>
/// <param name="Unchecked">Fields a partial document does not record, so they could not be checked.</param>
public sealed record RowComparison(string? Node, string Snapshotter, ResultComparison? Comparison, IReadOnlyList<FieldDifference> Differences, IReadOnlyList<string> Unchecked)
{
    /// <summary>The row's verdict in status' words (<see cref="ComparisonVerdicts"/>).</summary>
    public string Verdict => Comparison?.Verdict.ToString() ?? ComparisonVerdicts.NotComparable;

    /// <summary>Whether forcing would let a refused comparison go ahead.</summary>
    public bool Forceable => Differences.Count > 0 && Differences.All(d => d.Forceable);
}
