using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using UnpackBench.Core.Statistics;

namespace UnpackBench.Analysis.Statistics;

/// <summary>
/// How much slower or faster one set of runs is than another, as the ratio of their medians with a
/// distribution-free confidence interval. The interval is Moses' interval for a location shift
/// (the one that inverts the Mann–Whitney test; Hollander &amp; Wolfe, <i>Nonparametric Statistical
/// Methods</i>, §4.3) taken on log durations: under the model that one machine state scales every
/// run's time by the same factor, that factor is the ratio of medians, and the interval covers it
/// with at least the asked-for probability for any distribution of run times, even with 4–10 runs
/// where normal-theory intervals mislead. Exact Mann–Whitney probabilities come from Perfolizer.
/// </summary>
public static class MedianRatio
{
    /// <summary>Estimates median(<paramref name="candidate"/>) / median(<paramref name="baseline"/>) with its interval.</summary>
    /// <param name="baseline">Durations of the reference runs, seconds (positive).</param>
    /// <param name="candidate">Durations of the runs compared with them, seconds (positive).</param>
    /// <param name="confidenceLevel">Two-sided confidence level, between 0.5 and 0.9999.</param>
    public static RatioInterval Estimate(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, double confidenceLevel = 0.95)
    {
        Check(baseline, nameof(baseline));
        Check(candidate, nameof(candidate));
        ArgumentOutOfRangeException.ThrowIfLessThan(confidenceLevel, 0.5);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(confidenceLevel, 0.9999);

        var ratio = Median(candidate) / Median(baseline);
        var alpha = 1 - confidenceLevel;
        var minimum = MinimumRunsPerSample(alpha);
        var (m, n) = (baseline.Count, candidate.Count);
        var rank = LowerRank(m, n, alpha);
        if (rank == 0)
        {
            return new RatioInterval(ratio, null, null, confidenceLevel, null, minimum);
        }

        // Every candidate/baseline pair's log ratio, sorted: the interval is the rank-th from each end.
        var logRatios = candidate.SelectMany(c => baseline.Select(b => Math.Log(c / b))).Order().ToArray();
        var coverage = 1 - (2 * LowerTail(m, n, rank - 1));
        return new RatioInterval(ratio, Math.Exp(logRatios[rank - 1]), Math.Exp(logRatios[^rank]), confidenceLevel, coverage, minimum);
    }

    /// <summary>
    /// The largest k ≥ 1 with P(U ≤ k − 1) ≤ α/2 under the null distribution of the Mann–Whitney U
    /// statistic for samples of <paramref name="m"/> and <paramref name="n"/>; 0 when even k = 1 fails.
    /// k − 1 is the published lower critical value of U.
    /// </summary>
    public static int LowerRank(int m, int n, double alpha)
    {
        var rank = 0;
        while (rank < (m * n / 2) + 1 && LowerTail(m, n, rank) <= alpha / 2)
        {
            rank++;
        }

        return rank;
    }

    /// <summary>P(U ≤ <paramref name="u"/>) for samples of <paramref name="m"/> and <paramref name="n"/> without ties.</summary>
    public static double LowerTail(int m, int n, int u) => MannWhitneyClassicExactCdf.Instance.Cdf(m, n, u + 1);

    /// <summary>The fewest runs per sample (equal sizes) for which a two-sided interval at 1 − <paramref name="alpha"/> exists.</summary>
    public static int MinimumRunsPerSample(double alpha)
    {
        var n = 1;
        while (LowerRank(n, n, alpha) == 0)
        {
            n++;
        }

        return n;
    }

    private static double Median(IReadOnlyList<double> values) => DurationStatistics.Percentile(values.Order().ToArray(), 0.5);

    private static void Check(IReadOnlyList<double> values, string name)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("at least one duration is needed", name);
        }

        if (values.Any(v => !double.IsFinite(v) || v <= 0))
        {
            throw new ArgumentException("durations must be finite and positive", name);
        }
    }
}
