using UnpackBench.Analysis.Comparison;
using UnpackBench.Analysis.Tests.Support;

namespace UnpackBench.Analysis.Tests.Comparison;

public sealed class ResultComparerTests
{
    private static readonly double[] Base = [1.00, 1.02, 0.99, 1.01, 1.03, 0.98];

    [Fact]
    public void A_candidate_twice_as_slow_is_slower_and_a_regression()
    {
        var comparison = ResultComparer.Compare(SampleResults.With(Base), SampleResults.With([.. Base.Select(d => d * 2)]), new ComparisonOptions());

        Assert.Equal(ComparisonVerdict.Slower, comparison.Verdict);
        Assert.True(comparison.IsRegression);
        Assert.Null(comparison.RunsNeeded);
        Assert.Equal(2.0, comparison.Duration.Ratio!.Value, 6);
        Assert.True(comparison.Duration.Lower > 1.05);
        Assert.True(comparison.Duration.PValue < 0.01);
        Assert.Equal(6, comparison.Duration.BaselineRuns);
    }

    [Fact]
    public void A_candidate_twice_as_fast_is_faster()
    {
        var comparison = ResultComparer.Compare(SampleResults.With(Base), SampleResults.With([.. Base.Select(d => d / 2)]), new ComparisonOptions());

        Assert.Equal(ComparisonVerdict.Faster, comparison.Verdict);
        Assert.False(comparison.IsRegression);
    }

    [Fact]
    public void The_same_runs_again_are_the_same()
    {
        var comparison = ResultComparer.Compare(SampleResults.With(Base), SampleResults.With([.. Base.Reverse()]), new ComparisonOptions());

        Assert.Equal(ComparisonVerdict.Same, comparison.Verdict);
        Assert.Equal(1.0, comparison.Duration.Ratio!.Value, 6);
    }

    [Fact]
    public void Three_runs_each_are_inconclusive_however_large_the_change()
    {
        var comparison = ResultComparer.Compare(SampleResults.With([1.0, 1.1, 1.2]), SampleResults.With([5.0, 5.1, 5.2]), new ComparisonOptions());

        Assert.Equal(ComparisonVerdict.Inconclusive, comparison.Verdict);
        Assert.Equal(4, comparison.RunsNeeded!.PerSample);
        Assert.False(comparison.IsRegression);
    }

    [Fact]
    public void A_small_change_with_wide_scatter_is_inconclusive_with_an_estimate_of_the_runs_needed()
    {
        double[] noisy = [1.0, 1.3, 0.8, 1.2, 0.9];
        var comparison = ResultComparer.Compare(SampleResults.With(noisy), SampleResults.With([.. noisy.Select(d => d * 1.1)]), new ComparisonOptions());

        Assert.Equal(ComparisonVerdict.Inconclusive, comparison.Verdict);
        Assert.True(comparison.RunsNeeded!.PerSample > 5);
    }

    [Fact]
    public void The_threshold_decides_whether_a_ten_percent_change_counts()
    {
        double[] tight = [1.000, 1.001, 0.999, 1.002, 0.998, 1.000];
        var candidate = SampleResults.With([.. tight.Select(d => d * 1.10)]);

        Assert.Equal(ComparisonVerdict.Slower, ResultComparer.Compare(SampleResults.With(tight), candidate, new ComparisonOptions { ThresholdPercent = 5 }).Verdict);
        Assert.Equal(ComparisonVerdict.Same, ResultComparer.Compare(SampleResults.With(tight), candidate, new ComparisonOptions { ThresholdPercent = 20 }).Verdict);
    }

    [Fact]
    public void Resources_are_compared_as_medians_and_missing_figures_stay_missing()
    {
        var comparison = ResultComparer.Compare(SampleResults.With(Base, cpuSeconds: 1.5), SampleResults.With(Base), new ComparisonOptions());

        Assert.Equal(1.5, comparison.Resources.CpuSeconds.Baseline);
        Assert.Null(comparison.Resources.CpuSeconds.Candidate);
        Assert.Null(comparison.Resources.CpuSeconds.Ratio);
        Assert.Equal(1.0, comparison.Resources.MemoryPeakMb.Ratio);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100)]
    [InlineData(double.NaN)]
    public void A_threshold_outside_0_to_100_percent_is_refused_with_the_range(double threshold)
    {
        var error = Assert.Throws<ArgumentException>(() => ResultComparer.Compare(SampleResults.With(Base), SampleResults.With(Base), new ComparisonOptions { ThresholdPercent = threshold }));

        Assert.Contains("above 0 and below 100", error.Message, StringComparison.Ordinal);
    }
}
