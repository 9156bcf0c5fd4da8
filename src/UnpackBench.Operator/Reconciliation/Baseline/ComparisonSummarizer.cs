using System.Globalization;
using UnpackBench.Analysis.Comparison;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation.Baseline;

/// <summary>
/// Sums the compared rows up into the status' comparison and the <see cref="RegressedCondition"/>. The
/// verdict is the worst over the rows: Slower when any row is, else Inconclusive when any row is, else
/// Faster when every row is, else Same; the top-level figures are those of the row with the verdict and
/// the highest ratio. Rows whose setups differ are listed as NotComparable and do not vote.
/// </summary>
public static class ComparisonSummarizer
{
    /// <summary>The outcome of <paramref name="rows"/> (at least one) compared with <paramref name="baseline"/>.</summary>
    public static ComparisonOutcome Summarize(IReadOnlyList<RowComparison> rows, BaselineReferenceStatus baseline, long generation, BenchmarkBaseline spec)
    {
        var compared = rows.Where(r => r.Comparison is not null).ToList();
        var status = new BenchmarkComparisonStatus
        {
            Baseline = baseline,
            ObservedGeneration = generation,
            ThresholdPercent = Threshold(spec),
            Forced = spec.Force,
            UncheckedFields = [.. rows.SelectMany(r => r.Unchecked).Distinct(StringComparer.Ordinal)],
            Rows = rows.Count > 1 ? [.. rows.Select(Row)] : [],
        };
        if (compared.Count == 0)
        {
            var refused = rows[0];
            var message = ComparisonMessages.NotComparable(baseline, refused);
            status = status with { Verdict = ComparisonVerdicts.NotComparable, Explanation = message, NodeName = refused.Node, Snapshotter = refused.Snapshotter, Differences = [.. refused.Differences.Select(d => d.ToString())] };
            return ComparisonOutcome.Problem(RegressedCondition.NotComparable, message) with { Comparison = status };
        }

        var verdict = Aggregate(compared);
        var deciding = compared.Where(r => r.Comparison!.Verdict == verdict).MaxBy(r => r.Comparison!.Duration.Ratio ?? 0)!;
        status = With(status, deciding);
        var text = ComparisonMessages.Verdict(baseline, spec, status, compared, rows.Count - compared.Count);
        return verdict switch
        {
            ComparisonVerdict.Slower => new ComparisonOutcome("True", RegressedCondition.Slower, text, status, "Warning", RegressedCondition.RegressedEvent),
            ComparisonVerdict.Faster => new ComparisonOutcome("False", RegressedCondition.Faster, text, status, "Normal", RegressedCondition.ComparedEvent),
            ComparisonVerdict.Same => new ComparisonOutcome("False", RegressedCondition.Same, text, status, "Normal", RegressedCondition.ComparedEvent),
            _ => new ComparisonOutcome("Unknown", RegressedCondition.Inconclusive, text, status, "Normal", RegressedCondition.ComparedEvent),
        };
    }

    /// <summary>
    /// The outcome when the two sides share no node × snapshotter: NotComparable, kept in status like any
    /// comparison so it is not worked out again on every reconcile.
    /// </summary>
    public static ComparisonOutcome NothingInCommon(BaselineReferenceStatus baseline, long generation, BenchmarkBaseline spec, string message) =>
        ComparisonOutcome.Problem(RegressedCondition.NothingInCommon, message) with
        {
            Comparison = new BenchmarkComparisonStatus
            {
                Baseline = baseline,
                ObservedGeneration = generation,
                ThresholdPercent = Threshold(spec),
                Forced = spec.Force,
                Verdict = ComparisonVerdicts.NotComparable,
                Explanation = message,
            },
        };

    /// <summary>The threshold as status writes it: <c>5</c>, <c>2.5</c>.</summary>
    public static string Threshold(BenchmarkBaseline spec) => spec.ThresholdPercent.ToString("0.###", CultureInfo.InvariantCulture);

    private static ComparisonVerdict Aggregate(IReadOnlyList<RowComparison> compared)
    {
        var verdicts = compared.Select(r => r.Comparison!.Verdict).ToList();
        return verdicts.Contains(ComparisonVerdict.Slower) ? ComparisonVerdict.Slower
            : verdicts.Contains(ComparisonVerdict.Inconclusive) ? ComparisonVerdict.Inconclusive
            : verdicts.All(v => v == ComparisonVerdict.Faster) ? ComparisonVerdict.Faster
            : ComparisonVerdict.Same;
    }

    private static BenchmarkComparisonStatus With(BenchmarkComparisonStatus status, RowComparison row)
    {
        var comparison = row.Comparison!;
        var duration = comparison.Duration;
        return status with
        {
            Verdict = comparison.Verdict.ToString(),
            Explanation = comparison.Explanation,
            NodeName = row.Node,
            Snapshotter = row.Snapshotter,
            Ratio = Ratio(duration.Ratio),
            Lower = Ratio(duration.Lower),
            Upper = Ratio(duration.Upper),
            BaselineMedianSeconds = Ratio(duration.BaselineMedianSeconds),
            MedianSeconds = Ratio(duration.CandidateMedianSeconds),
            BaselineRuns = duration.BaselineRuns,
            Runs = duration.CandidateRuns,
            RunsNeeded = comparison.RunsNeeded?.PerSample,
            Differences = [.. row.Differences.Select(d => d.ToString())],
        };
    }

    private static ComparisonRowStatus Row(RowComparison row) => new()
    {
        NodeName = row.Node,
        Snapshotter = row.Snapshotter,
        Verdict = row.Verdict,
        Ratio = Ratio(row.Comparison?.Duration.Ratio),
        Lower = Ratio(row.Comparison?.Duration.Lower),
        Upper = Ratio(row.Comparison?.Duration.Upper),
        Message = row.Comparison is null ? string.Join("; ", row.Differences) : null,
    };

    /// <summary>A ratio or a duration as status writes it, three decimals.</summary>
    public static string? Ratio(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture);
}
