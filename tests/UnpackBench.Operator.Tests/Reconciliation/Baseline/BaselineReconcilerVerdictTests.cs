using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Reconciliation.Baseline;
using static UnpackBench.Operator.Tests.Support.BaselineWorld;

namespace UnpackBench.Operator.Tests.Reconciliation.Baseline;

/// <summary>A succeeded benchmark compared with a succeeded baseline benchmark: each verdict, in status, its condition, its event.</summary>
public sealed class BaselineReconcilerVerdictTests
{
    private static readonly BenchmarkBaseline OnProd = new() { Benchmark = Prod };

    private static (UnpackBenchmarkStatus Status, IReadOnlyList<(string Type, string Reason)> Events) CompareMedians(double baseline, double candidate, int runs = 5, BenchmarkBaseline? spec = null)
    {
        var (prod, prodResult) = Succeeded(Benchmark(Prod, uid: ProdUid), Document(baseline, runs: runs));
        var (next, nextResult) = Succeeded(Benchmark(Next, spec ?? OnProd), Document(candidate, runs: runs));
        var plan = Compare(next, [nextResult], prod, [prodResult]);
        return (plan.Status!, [.. plan.Events.Select(e => (e.Type, e.Reason))]);
    }

    [Fact]
    public void A_benchmark_slower_beyond_the_threshold_is_regressed_with_its_ratio_and_interval()
    {
        var (status, events) = CompareMedians(baseline: 3.0, candidate: 3.6);

        var comparison = status.Comparison!;
        Assert.Equal((ComparisonVerdicts.Slower, "1.200", "3.600", "3.000", 5, 5), (comparison.Verdict, comparison.Ratio, comparison.MedianSeconds, comparison.BaselineMedianSeconds, comparison.Runs, comparison.BaselineRuns));
        Assert.True(double.Parse(comparison.Lower!, System.Globalization.CultureInfo.InvariantCulture) > 1.05, $"lower bound {comparison.Lower}");
        Assert.NotNull(comparison.Upper);
        Assert.Equal(("UnpackBenchmark", Prod, ProdUid, 1L, 1L, "5", false), (comparison.Baseline.Kind, comparison.Baseline.Name, comparison.Baseline.Uid, comparison.Baseline.Generation, comparison.ObservedGeneration, comparison.ThresholdPercent, comparison.Forced));
        Assert.Empty(comparison.Rows);
        var regressed = Regressed(status);
        Assert.Equal(("True", RegressedCondition.Slower), (regressed.Status, regressed.Reason));
        Assert.StartsWith("slower than UnpackBenchmark python-prod (generation 1) beyond the 5 % threshold: median 3.600 s against 3.000 s, ratio 1.200; the 95 % interval of the ratio", regressed.Message, StringComparison.Ordinal);
        Assert.Equal([("Warning", RegressedCondition.RegressedEvent)], events);
    }

    [Theory]
    [InlineData(3.0, 3.03, ComparisonVerdicts.Same, "False", RegressedCondition.Same)]
    [InlineData(3.0, 2.4, ComparisonVerdicts.Faster, "False", RegressedCondition.Faster)]
    public void A_benchmark_the_same_or_faster_is_not_regressed(double baseline, double candidate, string verdict, string conditionStatus, string reason)
    {
        var (status, events) = CompareMedians(baseline, candidate);

        Assert.Equal(verdict, status.Comparison!.Verdict);
        Assert.Equal((conditionStatus, reason), (Regressed(status).Status, Regressed(status).Reason));
        Assert.Equal([("Normal", RegressedCondition.ComparedEvent)], events);
    }

    [Fact]
    public void Too_few_runs_for_an_interval_leave_regressed_unknown_and_say_how_many_would_do()
    {
        var (status, _) = CompareMedians(baseline: 3.0, candidate: 3.6, runs: 3);

        var comparison = status.Comparison!;
        Assert.Equal((ComparisonVerdicts.Inconclusive, "1.200", null, null, 4), (comparison.Verdict, comparison.Ratio, comparison.Lower, comparison.Upper, comparison.RunsNeeded));
        Assert.Equal(("Unknown", RegressedCondition.Inconclusive), (Regressed(status).Status, Regressed(status).Reason));
        Assert.Contains("about 4 successful runs per benchmark would settle it", Regressed(status).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_threshold_of_the_spec_decides_the_verdict()
    {
        var (status, _) = CompareMedians(baseline: 3.0, candidate: 3.3, spec: OnProd with { ThresholdPercent = 25 });

        Assert.Equal((ComparisonVerdicts.Same, "25"), (status.Comparison!.Verdict, status.Comparison.ThresholdPercent));
        Assert.Contains("within the 25 % threshold", Regressed(status).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_snapshotter_both_measured_is_compared_and_the_slowest_decides()
    {
        // The candidate's second snapshotter (native) is twice as slow relative to its first as the baseline's.
        var (prod, prodResult) = Succeeded(Benchmark(Prod, uid: ProdUid), Document(3.0, snapshotters: ["overlayfs", "native"]));
        var next = Benchmark(Next, OnProd);
        var document = Document(3.0, snapshotters: ["overlayfs", "native"]);
        document = document with { Variants = [document.Variants![0], document.Variants[1] with { Runs = Runs(7.2) }] };
        var (candidate, nextResult) = Succeeded(next, document);

        var status = Compare(candidate, [nextResult], prod, [prodResult]).Status!;

        var comparison = status.Comparison!;
        Assert.Equal((ComparisonVerdicts.Slower, "native", "1.200"), (comparison.Verdict, comparison.Snapshotter, comparison.Ratio));
        Assert.Equal([("overlayfs", ComparisonVerdicts.Same), ("native", ComparisonVerdicts.Slower)], comparison.Rows.Select(r => (r.Snapshotter!, r.Verdict)));
        Assert.Contains("1 same, 1 slower of 2 rows compared, deciding row localhost (native)", Regressed(status).Message, StringComparison.Ordinal);
    }
}
