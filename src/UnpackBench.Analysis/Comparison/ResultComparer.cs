using UnpackBench.Analysis.Statistics;
using UnpackBench.Core.Results;

namespace UnpackBench.Analysis.Comparison;

/// <summary>
/// Compares two result documents: a pure function, shared by the agent's <c>compare</c> command and
/// the operator's baseline. The durations compared are the top-level runs (the first variant's).
/// </summary>
public static class ResultComparer
{
    /// <summary>Compares <paramref name="candidate"/> with <paramref name="baseline"/>.</summary>
    /// <exception cref="ComparisonRefusedException">
    /// The documents differ in a field that makes them incomparable (see <see cref="Comparability"/>)
    /// and the comparison is not forced, or their schema versions differ.
    /// </exception>
    public static ResultComparison Compare(BenchmarkResult baseline, BenchmarkResult candidate, ComparisonOptions options)
    {
        if (ComparisonOptions.ThresholdProblem(options.ThresholdPercent) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var differences = Comparability.Differences(baseline, candidate);
        if (differences.Any(d => !d.Forceable) || (differences.Count > 0 && !options.Force))
        {
            throw new ComparisonRefusedException(differences);
        }

        var (before, after) = (SuccessfulRuns.Durations(baseline), SuccessfulRuns.Durations(candidate));
        var estimate = before.Count > 0 && after.Count > 0 ? MedianRatio.Estimate(before, after, ComparisonOptions.ConfidenceLevel) : null;
        var decision = VerdictRule.Decide(estimate, before.Count, after.Count, options.Threshold);
        return new ResultComparison
        {
            Baseline = DocumentIdentity.Of(baseline),
            Candidate = DocumentIdentity.Of(candidate),
            ThresholdPercent = options.ThresholdPercent,
            Verdict = decision.Verdict,
            Explanation = decision.Explanation,
            RunsNeeded = decision.RunsNeeded,
            Duration = Durations(before, after, estimate),
            Layers = LayerComparer.Compare(baseline, candidate, options.Threshold),
            Resources = ResourceComparison.Of(baseline, candidate),
            ForcedDifferences = differences,
        };
    }

    private static DurationComparison Durations(IReadOnlyList<double> before, IReadOnlyList<double> after, RatioInterval? estimate)
    {
        var test = before.Count > 0 && after.Count > 0 ? RankSumTest.TwoSided(before, after) : null;
        return new DurationComparison
        {
            BaselineRuns = before.Count,
            CandidateRuns = after.Count,
            BaselineMedianSeconds = Median(before),
            CandidateMedianSeconds = Median(after),
            Ratio = estimate?.Ratio,
            Lower = estimate?.Lower,
            Upper = estimate?.Upper,
            ConfidenceLevel = ComparisonOptions.ConfidenceLevel,
            Coverage = estimate?.Coverage,
            MannWhitneyU = test?.U,
            PValue = test?.PValue,
        };
    }

    private static double? Median(IReadOnlyList<double> values) =>
        values.Count == 0 ? null : Core.Statistics.DurationStatistics.Percentile([.. values.Order()], 0.5);
}
