using UnpackBench.Analysis.Statistics;
using UnpackBench.Core.Results;
using UnpackBench.Core.Statistics;

namespace UnpackBench.Agent.Findings;

/// <summary>
/// What a series of runs says beyond its statistics: a drift (a monotonic trend with the run index,
/// Spearman's rho from <see cref="TrendTest"/>), and a first run much slower than the rest.
/// </summary>
internal static class RunSeriesFindings
{
    /// <summary>The significance level of the drift test.</summary>
    public const double DriftAlpha = 0.05;

    /// <summary>Run 1 counts as a first-run effect above this multiple of the other runs' median.</summary>
    public const double FirstRunThreshold = 1.5;

    /// <summary>The fewest successful runs a trend can be tested on.</summary>
    public const int MinRunsForDrift = 3;

    /// <summary>The drift of the successful runs in run order; null below <see cref="MinRunsForDrift"/> runs.</summary>
    public static DriftFinding? Drift(IReadOnlyList<RunResult> runs)
    {
        var durations = Successful(runs).Select(r => r.DurationSeconds!.Value).ToList();
        if (durations.Count < MinRunsForDrift)
        {
            return null;
        }

        var trend = TrendTest.Spearman(durations);
        var detected = trend.IsSignificant(DriftAlpha);
        return new DriftFinding
        {
            Detected = detected,
            Rho = trend.Rho,
            PValue = trend.PValue,
            SlopeSecondsPerRun = trend.SlopePerRun,
            Suggestion = detected
                ? $"the runs get {(trend.SlopePerRun > 0 ? "slower" : "faster")} by {Math.Abs(trend.SlopePerRun):0.000} s per run, so the median depends on the run count; " +
                  "the node's page-cache state usually moves it: rerun with --cache drop for a reproducible start, or with --warmup N to start from the settled state"
                : null,
        };
    }

    /// <summary>Whether run 1 was much slower than the median of the others; null when run 1 failed or no other run succeeded.</summary>
    public static FirstRunFinding? FirstRun(IReadOnlyList<RunResult> runs)
    {
        var successful = Successful(runs).ToList();
        if (successful.Count < 2 || successful[0].RunId != 1)
        {
            return null;
        }

        var others = successful.Skip(1).Select(r => r.DurationSeconds!.Value).Order().ToArray();
        var ratio = successful[0].DurationSeconds!.Value / DurationStatistics.Percentile(others, 0.5);
        var detected = ratio > FirstRunThreshold;
        return new FirstRunFinding
        {
            Detected = detected,
            Ratio = ratio,
            Suggestion = detected
                ? $"run 1 took {ratio:0.0}× the median of the others — typical of a containerd root never written before on a thin-provisioned disk; add --warmup 1 so the timed runs start on written blocks"
                : null,
        };
    }

    /// <summary>The summary with both findings added.</summary>
    public static BenchmarkSummary WithFindings(BenchmarkSummary summary, IReadOnlyList<RunResult> runs) =>
        summary with { Drift = Drift(runs), FirstRunEffect = FirstRun(runs) };

    private static IEnumerable<RunResult> Successful(IEnumerable<RunResult> runs) =>
        runs.Where(r => r.Status == RunResult.Success && r.DurationSeconds is > 0);
}
