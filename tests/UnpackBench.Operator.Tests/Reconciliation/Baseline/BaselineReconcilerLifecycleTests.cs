using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Reconciliation.Baseline;
using UnpackBench.Operator.Tests.Support;
using static UnpackBench.Operator.Tests.Support.BaselineWorld;

namespace UnpackBench.Operator.Tests.Reconciliation.Baseline;

/// <summary>When a comparison is made, kept, made again, or waits: the candidate's and the baseline's lives.</summary>
public sealed class BaselineReconcilerLifecycleTests
{
    private static readonly BenchmarkBaseline OnProd = new() { Benchmark = Prod };

    [Fact]
    public void A_benchmark_still_running_waits_quietly_for_its_result()
    {
        var next = Benchmark(Next, OnProd);
        next.Status = Status(next, BenchmarkPhase.Running);

        var plan = Compare(next, []);

        var regressed = Regressed(plan.Status);
        Assert.Equal(("Unknown", RegressedCondition.AwaitingResult, "compared with UnpackBenchmark python-prod once this benchmark succeeds"), (regressed.Status, regressed.Reason, regressed.Message));
        Assert.Null(plan.Status!.Comparison);
        Assert.Empty(plan.Events);
    }

    [Fact]
    public void A_failed_benchmark_has_nothing_to_compare()
    {
        var next = Benchmark(Next, OnProd);
        next.Status = Status(next, BenchmarkPhase.Failed);

        var regressed = Regressed(Compare(next, []).Status);

        Assert.Equal(("Unknown", RegressedCondition.NoResult), (regressed.Status, regressed.Reason));
    }

    [Fact]
    public void A_baseline_that_does_not_exist_is_named_in_the_condition_and_a_warning()
    {
        var (next, result) = Succeeded(Benchmark(Next, OnProd), Document(3.0));

        var plan = Compare(next, [result], baseline: null);

        var regressed = Regressed(plan.Status);
        Assert.Equal(("Unknown", RegressedCondition.BaselineNotFound), (regressed.Status, regressed.Reason));
        Assert.Equal("UnpackBenchmark python-prod does not exist in namespace team-a; create it or fix spec.baseline.benchmark. The comparison is made once it exists and succeeds", regressed.Message);
        Assert.Null(plan.Status!.Comparison);
        Assert.Equal([("Warning", RegressedCondition.BaselineNotFound)], plan.Events.Select(e => (e.Type, e.Reason)));
    }

    [Fact]
    public void A_baseline_still_running_leaves_regressed_unknown_and_its_success_wakes_the_comparison()
    {
        var (next, result) = Succeeded(Benchmark(Next, OnProd), Document(3.6));
        var prod = Benchmark(Prod, uid: ProdUid);
        prod.Status = Status(prod, BenchmarkPhase.Running);

        var waiting = After(next, Compare(next, [result], prod));

        Assert.Equal(("Unknown", RegressedCondition.BaselineRunning), (Regressed(waiting.Status).Status, Regressed(waiting.Status).Reason));
        Assert.Contains("baseline UnpackBenchmark python-prod has not finished its current spec (generation 1, phase Running)", Regressed(waiting.Status).Message, StringComparison.Ordinal);

        var (succeeded, prodResult) = Succeeded(prod, Document(3.0));
        Assert.Equal([Next], BaselineDependents.Of(succeeded, [waiting, succeeded]).Select(b => b.Metadata.Name));
        var plan = Compare(waiting, [result], succeeded, [prodResult]);

        Assert.Equal(ComparisonVerdicts.Slower, plan.Status!.Comparison!.Verdict);
        Assert.Equal([RegressedCondition.RegressedEvent], plan.Events.Select(e => e.Reason));
    }

    [Fact]
    public void A_failed_baseline_is_reported_with_its_reason()
    {
        var (next, result) = Succeeded(Benchmark(Next, OnProd), Document(3.0));
        var prod = Benchmark(Prod, uid: ProdUid);
        prod.Status = Status(prod, BenchmarkPhase.Failed);

        var regressed = Regressed(Compare(next, [result], prod).Status);

        Assert.Equal(("Unknown", RegressedCondition.BaselineFailed), (regressed.Status, regressed.Reason));
        Assert.Contains("failed (AllRunsFailed: every run failed)", regressed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_benchmark_named_as_its_own_baseline_is_told_to_name_another()
    {
        var (next, result) = Succeeded(Benchmark(Next, new BenchmarkBaseline { Benchmark = Next }), Document(3.0));

        Assert.Equal(RegressedCondition.BaselineIsSelf, Regressed(Compare(next, [result], next, [result]).Status).Reason);
    }

    [Fact]
    public void A_comparison_once_made_is_kept_without_reading_a_document_again()
    {
        var (prod, prodResult) = Succeeded(Benchmark(Prod, uid: ProdUid), Document(3.0));
        var (next, result) = Succeeded(Benchmark(Next, OnProd), Document(3.6));
        var compared = After(next, Compare(next, [result], prod, [prodResult]));

        // Without its ConfigMaps any new comparison would find nothing; the stored one stands.
        var plan = Compare(compared, [], prod, []);

        Assert.Null(plan.Status);
        Assert.Empty(plan.Events);
        Assert.Null(plan.RequeueAfter);
    }

    [Fact]
    public void A_new_generation_of_the_benchmark_is_compared_again_once_it_succeeds()
    {
        var (prod, prodResult) = Succeeded(Benchmark(Prod, uid: ProdUid), Document(3.0));
        var (next, result) = Succeeded(Benchmark(Next, OnProd), Document(3.6));
        var first = After(next, Compare(next, [result], prod, [prodResult]));

        // The spec changed (generation 2): the reconciler's new status has no comparison, only the wait for the result.
        var rerun = Benchmark(Next, OnProd, generation: 2);
        rerun.Status = first.Status;
        var running = After(rerun, Compare(rerun, [], prod, [prodResult], plan: new ReconcilePlan { Status = Status(rerun, BenchmarkPhase.Running) }));
        Assert.Equal((RegressedCondition.AwaitingResult, 2L), (Regressed(running.Status).Reason, Regressed(running.Status).ObservedGeneration));
        Assert.Null(running.Status!.Comparison);

        var awaiting = Regressed(running.Status);
        var (succeeded, newResult) = Succeeded(running, Document(3.0));
        succeeded.Status = succeeded.Status! with { Conditions = [.. succeeded.Status.Conditions, awaiting] };
        var plan = Compare(succeeded, [newResult], prod, [prodResult]);

        Assert.Equal((ComparisonVerdicts.Same, 2L), (plan.Status!.Comparison!.Verdict, plan.Status.Comparison.ObservedGeneration));
        Assert.Equal(("False", RegressedCondition.Same), (Regressed(plan.Status).Status, Regressed(plan.Status).Reason));
        Assert.Equal([RegressedCondition.ComparedEvent], plan.Events.Select(e => e.Reason));
    }

    [Fact]
    public void A_re_run_baseline_is_waited_for_and_then_compared_with_its_new_result()
    {
        var (prod, prodResult) = Succeeded(Benchmark(Prod, uid: ProdUid), Document(3.0));
        var (next, result) = Succeeded(Benchmark(Next, OnProd), Document(3.6));
        var compared = After(next, Compare(next, [result], prod, [prodResult]));

        var rerun = Benchmark(Prod, generation: 2, uid: ProdUid);
        rerun.Status = Status(rerun, BenchmarkPhase.Running);
        var waiting = After(compared, Compare(compared, [result], rerun, [prodResult]));
        Assert.Equal(RegressedCondition.BaselineRunning, Regressed(waiting.Status).Reason);
        Assert.Null(waiting.Status!.Comparison);

        var (succeeded, newResult) = Succeeded(rerun, Document(3.55));
        var plan = Compare(waiting, [result], succeeded, [newResult]);

        Assert.Equal((ComparisonVerdicts.Same, 2L), (plan.Status!.Comparison!.Verdict, plan.Status.Comparison.Baseline.Generation));
    }

    [Fact]
    public void A_benchmark_is_compared_in_the_same_reconcile_that_records_its_success()
    {
        var (prod, prodResult) = Succeeded(Benchmark(Prod, uid: ProdUid), Document(3.0));
        var next = Scenario.Benchmark(Scenario.Spec with { Baseline = OnProd }, name: Next);
        var runs = Runs(3.6);
        var document = AgentReports.Document(runs);
        var pod = KubeletPods.Succeeded(KubeletPods.Created(next), Scenario.Now.UtcDateTime.AddSeconds(-5));
        var progress = AgentLogs.ReadToEnd([.. AgentReports.LogWithRuns(runs), AgentReports.ResultLine(document)]);
        var decided = Scenario.Decide(next, pod, progress);

        // The result ConfigMap is only in the plan yet: the comparison reads it from there.
        var plan = Compare(next, [], prod, [prodResult], plan: decided);

        Assert.Equal((BenchmarkPhase.Succeeded, ComparisonVerdicts.Slower), (plan.Status!.Phase, plan.Status.Comparison!.Verdict));
        Assert.Equal(["RunCompleted", "RunCompleted", "RunCompleted", "RunCompleted", "RunCompleted", "Succeeded", RegressedCondition.RegressedEvent], plan.Events.Select(e => e.Reason));
        Assert.Equal(["Ready", "Succeeded", "ResultComplete", RegressedCondition.Type], plan.Status.Conditions.Select(c => c.Type));
    }
}
