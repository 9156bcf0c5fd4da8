using UnpackBench.Agent.Findings;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Tests.Findings;

public sealed class VariantComparisonTests
{
    [Fact]
    public void A_variant_twice_as_fast_has_a_speedup_of_2_with_an_interval_around_it()
    {
        var original = Runs(4.0, 4.1, 3.9, 4.2, 4.0, 3.95);
        var variant = Runs(2.0, 2.05, 1.95, 2.1, 2.0, 1.98);

        var speedup = VariantComparison.Speedup(original, variant)!;

        Assert.Equal(2.0, speedup.Ratio, 2);
        Assert.True(speedup.Lower <= speedup.Ratio && speedup.Ratio <= speedup.Upper, $"{speedup.Lower} – {speedup.Upper}");
        Assert.True(speedup.Lower > 1.8 && speedup.Upper < 2.2);
        Assert.Equal(0.95, speedup.ConfidenceLevel);
    }

    [Fact]
    public void Two_runs_each_give_a_speedup_without_an_interval()
    {
        var speedup = VariantComparison.Speedup(Runs(4.0, 4.2), Runs(2.0, 2.2))!;

        Assert.Equal(4.1 / 2.1, speedup.Ratio, 12);
        Assert.Null(speedup.Lower);
        Assert.Null(speedup.Upper);
    }

    [Fact]
    public void No_speedup_without_a_successful_run_on_both_sides() =>
        Assert.Null(VariantComparison.Speedup(Runs(4.0), []));

    [Theory]
    [InlineData(125_000_000, 1000, 2.5, 3.5)]
    [InlineData(125_000_000, 100, 2.5, 12.5)]
    [InlineData(0, 1000, 1.0, 1.0)]
    public void Pull_plus_unpack_is_the_bytes_over_the_link_plus_the_median(long bytes, int linkMbps, double median, double expected) =>
        Assert.Equal(expected, VariantComparison.PullPlusUnpack(bytes, linkMbps, median)!.Value, 12);

    private static List<RunResult> Runs(params double[] durations) =>
        durations.Select((d, i) => new RunResult { RunId = i + 1, Status = RunResult.Success, DurationSeconds = d }).ToList();
}
