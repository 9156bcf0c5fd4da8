using UnpackBench.Analysis.Comparison;
using UnpackBench.Analysis.Statistics;

namespace UnpackBench.Analysis.Tests.Comparison;

public sealed class VerdictRuleTests
{
    // Each case is an interval of the ratio against a 5 % threshold: [0.95, 1.05].
    [Theory]
    [InlineData("wholly above 1 + t", 1.06, 1.30, ComparisonVerdict.Slower)]
    [InlineData("wholly below 1 − t", 0.70, 0.94, ComparisonVerdict.Faster)]
    [InlineData("inside the band", 0.96, 1.04, ComparisonVerdict.Same)]
    [InlineData("exactly the band", 0.95, 1.05, ComparisonVerdict.Same)]
    [InlineData("straddling 1 + t", 1.01, 1.20, ComparisonVerdict.Inconclusive)]
    [InlineData("straddling 1 − t", 0.80, 0.99, ComparisonVerdict.Inconclusive)]
    [InlineData("wider than the band", 0.90, 1.10, ComparisonVerdict.Inconclusive)]
    public void The_verdict_follows_where_the_interval_lies(string _, double lower, double upper, ComparisonVerdict expected)
    {
        var estimate = new RatioInterval(Math.Sqrt(lower * upper), lower, upper, 0.95, 0.96, 4);

        var decision = VerdictRule.Decide(estimate, 5, 5, 0.05);

        Assert.Equal(expected, decision.Verdict);
        Assert.Equal(expected == ComparisonVerdict.Inconclusive, decision.RunsNeeded is not null);
    }

    [Fact]
    public void Too_few_runs_for_an_interval_are_inconclusive_and_name_the_minimum()
    {
        var estimate = MedianRatio.Estimate([1.0, 1.1, 1.2], [3.0, 3.1, 3.2]);

        var decision = VerdictRule.Decide(estimate, 3, 3, 0.05);

        Assert.Equal(ComparisonVerdict.Inconclusive, decision.Verdict);
        Assert.Equal(4, decision.RunsNeeded!.PerSample);
        Assert.Contains("3 and 3 runs are too few", decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_side_without_successful_runs_is_inconclusive()
    {
        var decision = VerdictRule.Decide(null, 0, 5, 0.05);

        Assert.Equal(ComparisonVerdict.Inconclusive, decision.Verdict);
        Assert.Equal(4, decision.RunsNeeded!.PerSample);
    }

    [Fact]
    public void A_straddling_interval_asks_for_more_runs_the_closer_the_ratio_is_to_the_bound()
    {
        var far = VerdictRule.Decide(new RatioInterval(1.2, 1.02, 1.40, 0.95, 0.96, 4), 5, 5, 0.05).RunsNeeded!.PerSample!.Value;
        var near = VerdictRule.Decide(new RatioInterval(1.08, 1.0, 1.16, 0.95, 0.96, 4), 5, 5, 0.05).RunsNeeded!.PerSample!.Value;

        Assert.InRange(far, 6, 100);
        Assert.True(near > far, $"near {near}, far {far}");
    }

    [Fact]
    public void The_estimate_is_right_for_an_interval_that_shrinks_with_the_square_root_of_the_runs()
    {
        // Centre ln 1.2, half-width h; distance to ln 1.05 is d. With 5 + 5 runs, 2/n' = (d/h)² (1/5 + 1/5).
        var (lower, upper) = (1.2 / 1.25, 1.2 * 1.25);
        var d = Math.Log(1.2) - Math.Log(1.05);
        var h = Math.Log(1.25);
        var expected = (int)Math.Ceiling(2 / (Math.Pow(d / h, 2) * 0.4));

        var needed = VerdictRule.Decide(new RatioInterval(1.2, lower, upper, 0.95, 0.96, 4), 5, 5, 0.05).RunsNeeded!;

        Assert.Equal(expected, needed.PerSample);
    }

    [Fact]
    public void A_ratio_on_the_bound_cannot_be_settled_by_more_runs()
    {
        var needed = VerdictRule.Decide(new RatioInterval(1.05, 1.0, 1.05 * 1.05, 0.95, 0.96, 4), 5, 5, 0.05).RunsNeeded!;

        Assert.Null(needed.PerSample);
        Assert.Contains("threshold", needed.Reason, StringComparison.Ordinal);
    }
}
