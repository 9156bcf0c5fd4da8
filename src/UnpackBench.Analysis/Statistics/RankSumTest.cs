using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;

namespace UnpackBench.Analysis.Statistics;

/// <summary>
/// Whether two sets of runs differ at all, without assuming a distribution: the two-sided
/// Mann–Whitney U test, computed by Perfolizer (exact for small samples, as R's wilcox.test).
/// </summary>
public static class RankSumTest
{
    /// <summary>Tests <paramref name="baseline"/> against <paramref name="candidate"/>.</summary>
    public static RankSumResult TwoSided(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate)
    {
        if (baseline.Count == 0 || candidate.Count == 0)
        {
            throw new ArgumentException("both samples need at least one value");
        }

        var result = MannWhitneyTest.Instance.Perform(new Sample([.. baseline]), new Sample([.. candidate]), AlternativeHypothesis.TwoSides, Threshold.Zero);
        return new RankSumResult(result.Ux, Math.Min(1, (double)result.PValue));
    }
}
