using UnpackBench.Analysis.Statistics;

namespace UnpackBench.Analysis.Tests.Statistics;

public sealed class TrendTestTests
{
    // Critical values of Spearman's rho, two-sided α = 0.05 (Zar, Biostatistical Analysis, Table B.20):
    // n = 6: 0.886, n = 7: 0.786, n = 8: 0.738, n = 10: 0.648. Each case builds a run series whose ranks
    // have exactly that rho (significant) and the next smaller possible rho (not significant), by
    // swapping the given positions (1-based, one after the other) of an increasing series.
    [Theory]
    [InlineData(6, "1-2,3-4", true)]             // Σd² = 4: rho = 0.886
    [InlineData(6, "1-2,3-4,5-6", false)]        // Σd² = 6: rho = 0.829
    [InlineData(7, "1-2,3-4,5-6", true)]         // Σd² = 6: rho = 0.893
    [InlineData(7, "1-3,4-5,6-7", true)]         // Σd² = 12: rho = 0.786
    [InlineData(7, "1-3,4-5,5-6", false)]        // Σd² = 14: rho = 0.750
    [InlineData(8, "1-4,5-6,7-8", true)]         // Σd² = 22: rho = 0.738
    [InlineData(8, "1-4,2-3,5-6,7-8", false)]    // Σd² = 24: rho = 0.714
    [InlineData(10, "1-5,6-9,2-4", true)]        // Σd² = 58: rho = 0.648
    [InlineData(10, "1-5,6-9,2-4,7-8", false)]   // Σd² = 60: rho = 0.636
    public void Significance_matches_the_published_critical_values_of_rho(int n, string swaps, bool significant)
    {
        var series = Enumerable.Range(1, n).Select(i => 3.0 + (0.1 * i)).ToArray();
        foreach (var swap in swaps.Split(','))
        {
            var (a, b) = (int.Parse(swap.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture) - 1, int.Parse(swap.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture) - 1);
            (series[a], series[b]) = (series[b], series[a]);
        }

        var trend = TrendTest.Spearman(series);

        Assert.True(trend.Exact);
        Assert.Equal(significant, trend.IsSignificant(0.05));
    }

    [Fact]
    public void The_measured_slowdown_of_consecutive_warm_unpacks_is_a_trend_with_its_slope()
    {
        // The shape seen on a real distribution image without dropping the page cache: 2.8, 5.0, 8.0, then ~10 s.
        var trend = TrendTest.Spearman([2.8, 5.0, 8.0, 9.9, 10.1, 10.0]);

        Assert.True(trend.IsSignificant());
        Assert.True(trend.Rho > 0.8);
        Assert.InRange(trend.SlopePerRun, 1.0, 2.0);
    }

    [Fact]
    public void Runs_that_only_scatter_show_no_trend()
    {
        var trend = TrendTest.Spearman([3.02, 2.95, 3.10, 2.98, 3.05, 3.00, 3.07]);

        Assert.False(trend.IsSignificant());
    }

    [Fact]
    public void Equal_runs_have_no_trend()
    {
        var trend = TrendTest.Spearman([1.0, 1.0, 1.0, 1.0]);

        Assert.Equal(1, trend.PValue);
    }

    [Fact]
    public void Long_series_use_the_t_approximation()
    {
        var series = Enumerable.Range(1, 30).Select(i => 3 + (0.01 * i) + (i % 3 == 0 ? 0.05 : 0)).ToArray();

        var trend = TrendTest.Spearman(series);

        Assert.False(trend.Exact);
        Assert.True(trend.IsSignificant(0.001));
    }

    [Fact]
    public void Fewer_than_three_runs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TrendTest.Spearman([1.0, 2.0]));
    }
}
