using UnpackBench.Core.Statistics;

namespace UnpackBench.Core.Tests.Statistics;

public sealed class DurationStatisticsTests
{
    private const int Precision = 12;

    [Fact]
    public void No_durations_have_no_statistics()
    {
        Assert.Null(DurationStatistics.Compute([]));
    }

    [Fact]
    public void Single_duration_is_every_figure_but_has_no_spread()
    {
        var stats = DurationStatistics.Compute([2.5])!;

        Assert.Equal((1, 2.5, 2.5, 2.5, 2.5, 2.5), (stats.Count, stats.Mean, stats.Min, stats.Max, stats.Median, stats.P95));
        Assert.Null(stats.StdDev);
        Assert.Null(stats.Cv);
    }

    // Expected values worked by hand and checked with python3's statistics module
    // (mean, median, stdev — the n−1 sample form — and quantiles(v, n=20, method="inclusive")[-1]
    // for p95, which is the same closest-ranks linear interpolation).
    [Theory]
    // Odd count, unsorted input: sorted 1,2,3; median the middle; p95 rank 0.95·2 = 1.9 → 2 + 0.9·(3−2) = 2.9;
    // deviations −1,0,1 → stddev √(2/2) = 1; cv 1/2.
    [InlineData("odd count", new[] { 3.0, 1.0, 2.0 }, 2.0, 1.0, 3.0, 2.0, 2.9, 1.0, 0.5)]
    // Even count: median (2+3)/2 = 2.5; p95 rank 0.95·3 = 2.85 → 3 + 0.85 = 3.85;
    // squared deviations 2.25+0.25+0.25+2.25 = 5 → stddev √(5/3) = 1.2909944487358056.
    [InlineData("even count", new[] { 1.0, 2.0, 3.0, 4.0 }, 2.5, 1.0, 4.0, 2.5, 3.85, 1.2909944487358056, 0.5163977794943222)]
    // The textbook set: mean 5, population stddev 2 but sample stddev √(32/7) = 2.138089935299395;
    // median (4+5)/2 = 4.5; p95 rank 0.95·7 = 6.65 → 7 + 0.65·(9−7) = 8.3.
    [InlineData("sample not population stddev", new[] { 2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0 }, 5.0, 2.0, 9.0, 4.5, 8.3, 2.138089935299395, 0.427617987059879)]
    // One slow outlier pulls the mean, not the median: mean 14/3; p95 rank 1.9 → 2.5 + 0.9·7.5 = 9.25.
    [InlineData("outlier", new[] { 1.5, 2.5, 10.0 }, 4.666666666666667, 1.5, 10.0, 2.5, 9.25, 4.645786621588785, 0.9955257046261682)]
    public void Statistics_match_hand_computed_values(string @case, double[] values, double mean, double min, double max, double median, double p95, double stdDev, double cv)
    {
        var stats = DurationStatistics.Compute(values)!;

        Assert.True(stats.Count == values.Length, @case);
        Assert.Equal(mean, stats.Mean, Precision);
        Assert.Equal(min, stats.Min);
        Assert.Equal(max, stats.Max);
        Assert.Equal(median, stats.Median, Precision);
        Assert.Equal(p95, stats.P95, Precision);
        Assert.Equal(stdDev, stats.StdDev!.Value, Precision);
        Assert.Equal(cv, stats.Cv!.Value, Precision);
    }

    [Fact]
    public void P95_of_one_to_twenty_interpolates_between_the_two_largest()
    {
        // rank 0.95·(20−1) = 18.05: the 19th value (19) plus 0.05 of the way to the 20th (20).
        var stats = DurationStatistics.Compute(Enumerable.Range(1, 20).Select(i => (double)i).ToArray())!;

        Assert.Equal(19.05, stats.P95, Precision);
        Assert.Equal(10.5, stats.Median, Precision);
    }

    [Fact]
    public void Identical_durations_have_zero_spread()
    {
        var stats = DurationStatistics.Compute([0.75, 0.75, 0.75])!;

        Assert.Equal(0.0, stats.StdDev);
        Assert.Equal(0.0, stats.Cv);
    }

    [Fact]
    public void Coefficient_of_variation_is_undefined_when_every_duration_is_zero()
    {
        var stats = DurationStatistics.Compute([0.0, 0.0])!;

        Assert.Equal(0.0, stats.StdDev);
        Assert.Null(stats.Cv);
    }

    [Theory]
    [InlineData("NaN", double.NaN)]
    [InlineData("negative", -0.001)]
    [InlineData("positive infinity", double.PositiveInfinity)]
    [InlineData("negative infinity", double.NegativeInfinity)]
    public void Duration_that_is_not_a_real_elapsed_time_is_rejected(string @case, double bad)
    {
        var thrown = Assert.Throws<ArgumentException>(() => DurationStatistics.Compute([1.0, bad, 2.0]));

        Assert.True(thrown.ParamName == "values", @case);
    }

    [Theory]
    [InlineData("minimum", 0.0, 10.0)]
    [InlineData("maximum", 1.0, 40.0)]
    [InlineData("quarter, between ranks 0 and 1", 0.25, 17.5)]
    [InlineData("median of four", 0.5, 25.0)]
    public void Percentile_interpolates_linearly_between_closest_ranks(string @case, double fraction, double expected)
    {
        // Sorted 10,20,30,40: rank = fraction·3; e.g. 0.25 → rank 0.75 → 10 + 0.75·10 = 17.5.
        Assert.True(Math.Abs(DurationStatistics.Percentile([10.0, 20.0, 30.0, 40.0], fraction) - expected) < 1e-12, @case);
    }

    [Theory]
    [InlineData("below zero", -0.1)]
    [InlineData("above one", 1.5)]
    public void Percentile_fraction_outside_zero_to_one_is_rejected(string @case, double fraction)
    {
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => DurationStatistics.Percentile([1.0], fraction));

        Assert.True(thrown.ParamName == "fraction", @case);
    }

    [Fact]
    public void Percentile_of_nothing_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => DurationStatistics.Percentile([], 0.5));
    }
}
