using UnpackBench.Analysis.Statistics;

namespace UnpackBench.Analysis.Tests.Statistics;

public sealed class MedianRatioTests
{
    // Lower critical values of the Mann–Whitney U statistic, two-sided α = 0.05, from the published
    // tables (e.g. Zar, Biostatistical Analysis, Table B.11): the interval uses the (U + 1)-th smallest
    // and largest pairwise ratio.
    [Theory]
    [InlineData(4, 4, 0)]
    [InlineData(4, 8, 4)]
    [InlineData(5, 5, 2)]
    [InlineData(5, 10, 8)]
    [InlineData(6, 6, 5)]
    [InlineData(6, 9, 10)]
    [InlineData(7, 7, 8)]
    [InlineData(8, 8, 13)]
    [InlineData(9, 10, 20)]
    [InlineData(10, 10, 23)]
    public void The_interval_rank_matches_the_published_critical_value_of_U(int m, int n, int criticalU)
    {
        Assert.Equal(criticalU + 1, MedianRatio.LowerRank(m, n, 0.05));
    }

    [Fact]
    public void Three_runs_each_are_too_few_for_a_95_percent_interval_and_four_are_enough()
    {
        var estimate = MedianRatio.Estimate([1.0, 1.1, 1.2], [2.0, 2.1, 2.2]);

        Assert.False(estimate.HasInterval);
        Assert.Equal(4, estimate.MinimumRunsPerSample);
        Assert.Equal(2.1 / 1.1, estimate.Ratio, 12);
    }

    [Fact]
    public void With_four_runs_each_the_interval_spans_the_smallest_to_the_largest_pairwise_ratio()
    {
        double[] baseline = [1.0, 1.2, 1.1, 1.3];
        double[] candidate = [2.0, 2.6, 2.2, 2.4];

        var estimate = MedianRatio.Estimate(baseline, candidate);

        Assert.Equal(2.0 / 1.3, estimate.Lower!.Value, 12);
        Assert.Equal(2.6 / 1.0, estimate.Upper!.Value, 12);
        Assert.Equal(1 - (2.0 / 70), estimate.Coverage!.Value, 12); // P(U = 0) = 1 / C(8, 4)
    }

    [Fact]
    public void A_uniform_slowdown_is_inside_the_interval_and_no_change_is_outside_it()
    {
        double[] baseline = [3.01, 3.10, 2.95, 3.22, 3.05, 3.15, 2.99, 3.08];
        var candidate = baseline.Select((v, i) => v * 1.5 * (i % 2 == 0 ? 1.01 : 0.99)).ToArray();

        var estimate = MedianRatio.Estimate(baseline, candidate);

        Assert.True(estimate.Lower < 1.5 && 1.5 < estimate.Upper, $"{estimate.Lower}–{estimate.Upper}");
        Assert.True(estimate.Lower > 1, "a 50 % slowdown must not be mistaken for no change");
        Assert.True(estimate.Coverage >= 0.95);
    }

    [Fact]
    public void The_ratio_is_candidate_over_baseline_so_above_one_means_slower()
    {
        var estimate = MedianRatio.Estimate([2.0, 2.0, 2.0, 2.0, 2.0], [1.0, 1.0, 1.0, 1.0, 1.0]);

        Assert.Equal(0.5, estimate.Ratio, 12);
        Assert.Equal(0.5, estimate.Upper!.Value, 12);
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 1.0, 0.0 })]
    [InlineData(new[] { 1.0, -2.0 })]
    [InlineData(new[] { 1.0, double.NaN })]
    public void Empty_or_non_positive_durations_are_refused(double[] bad)
    {
        Assert.Throws<ArgumentException>(() => MedianRatio.Estimate(bad, [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => MedianRatio.Estimate([1.0, 2.0], bad));
    }
}
