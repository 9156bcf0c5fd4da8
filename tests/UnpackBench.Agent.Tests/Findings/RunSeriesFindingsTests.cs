using UnpackBench.Agent.Findings;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Tests.Findings;

public sealed class RunSeriesFindingsTests
{
    // Spearman's rho for n = 5: the two-sided 5 % critical value is 1.000 (Zar, Biostatistical Analysis,
    // table of critical values of the Spearman rank correlation), so only a strictly monotonic series of
    // five runs counts as drift; its exact p-value is 2/5! = 0.0167. One swapped pair gives rho = 0.9,
    // exact p = 10/120 = 0.0833: not significant.
    [Fact]
    public void Five_runs_that_get_slower_every_time_are_drift_with_their_slope_and_a_suggestion()
    {
        var drift = RunSeriesFindings.Drift(Runs(2.8, 5.0, 8.0, 10.0, 10.1))!;

        Assert.True(drift.Detected);
        Assert.Equal(1.0, drift.Rho, 12);
        Assert.Equal(2.0 / 120, drift.PValue, 12);
        Assert.Equal(1.96, drift.SlopeSecondsPerRun, 9);
        Assert.Contains("--cache drop", drift.Suggestion, StringComparison.Ordinal);
        Assert.Contains("--warmup", drift.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Five_runs_with_one_pair_out_of_order_are_below_the_critical_value_and_not_drift()
    {
        var drift = RunSeriesFindings.Drift(Runs(3.0, 3.1, 3.2, 3.4, 3.3))!;

        Assert.False(drift.Detected);
        Assert.Equal(0.9, drift.Rho, 12);
        Assert.Equal(10.0 / 120, drift.PValue, 12);
        Assert.Null(drift.Suggestion);
    }

    [Fact]
    public void Runs_that_scatter_without_order_are_not_drift()
    {
        var drift = RunSeriesFindings.Drift(Runs(3.0, 3.3, 2.9, 3.2, 3.0, 3.1))!;

        Assert.False(drift.Detected);
        Assert.InRange(drift.Rho, -0.5, 0.5);
    }

    [Fact]
    public void Drift_is_tested_on_successful_runs_only_and_needs_three()
    {
        var runs = Runs(2.0, 3.0, 4.0).Select((r, i) => i == 1 ? r with { Status = RunResult.Failed, DurationSeconds = null } : r).ToList();

        Assert.Null(RunSeriesFindings.Drift(runs));
    }

    [Theory]
    [InlineData(new[] { 10.0, 5.0, 5.2, 4.9 }, true, 10.0 / 5.0)]
    [InlineData(new[] { 7.6, 5.0, 5.2, 4.9 }, true, 7.6 / 5.0)]
    [InlineData(new[] { 7.4, 5.0, 5.2, 4.9 }, false, 7.4 / 5.0)]
    [InlineData(new[] { 5.0, 5.0 }, false, 1.0)]
    public void A_first_run_over_one_and_a_half_times_the_others_median_is_a_first_run_effect(double[] durations, bool detected, double ratio)
    {
        var finding = RunSeriesFindings.FirstRun(Runs(durations))!;

        Assert.Equal(detected, finding.Detected);
        Assert.Equal(ratio, finding.Ratio, 12);
        Assert.Equal(detected, finding.Suggestion?.Contains("--warmup", StringComparison.Ordinal) ?? false);
    }

    [Fact]
    public void No_first_run_finding_when_run_1_failed()
    {
        var runs = Runs(9.0, 5.0, 5.0).Select(r => r.RunId == 1 ? r with { Status = RunResult.Failed, DurationSeconds = null } : r).ToList();

        Assert.Null(RunSeriesFindings.FirstRun(runs));
    }

    private static List<RunResult> Runs(params double[] durations) =>
        durations.Select((d, i) => new RunResult { RunId = i + 1, Status = RunResult.Success, DurationSeconds = d }).ToList();
}
