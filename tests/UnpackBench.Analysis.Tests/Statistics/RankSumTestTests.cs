using UnpackBench.Analysis.Statistics;

namespace UnpackBench.Analysis.Tests.Statistics;

public sealed class RankSumTestTests
{
    // R's ?wilcox.test example (Hollander & Wolfe, permeability constants): W = 35, and the exact
    // one-sided p-value 0.1272, so two-sided 0.2544.
    [Fact]
    public void The_exact_p_value_matches_the_published_example()
    {
        double[] x = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
        double[] y = [1.15, 0.88, 0.90, 0.74, 1.21];

        var result = RankSumTest.TwoSided(x, y);

        Assert.Equal(35, result.U);
        Assert.Equal(0.2544, result.PValue, 4);
    }

    [Fact]
    public void Completely_separated_samples_of_five_have_the_smallest_possible_p_value()
    {
        var result = RankSumTest.TwoSided([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);

        Assert.Equal(2.0 / 252, result.PValue, 6); // 2 / C(10, 5)
    }
}
