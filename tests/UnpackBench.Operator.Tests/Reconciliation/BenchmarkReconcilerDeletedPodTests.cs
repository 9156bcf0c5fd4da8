using k8s.Models;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

/// <summary>
/// An agent pod deleted mid-run: the agent sees SIGTERM and says "Incomplete", and the kubelet reports the
/// pod Failed before it removes it. Whichever of these the operator sees first, the cause is the deletion.
/// </summary>
public sealed class BenchmarkReconcilerDeletedPodTests
{
    private const string Interrupted = "interrupted; the runs completed so far are in benchmark_20260314T115500Z.json";

    private static readonly DateTime DeletedAt = Scenario.Now.UtcDateTime.AddSeconds(-20);

    private static readonly IReadOnlyList<RunResult> Runs = AgentReports.SuccessfulRuns(2);

    private static readonly BenchmarkResult Document = AgentReports.Document(Runs, notes: "interrupted after 2 of 5 runs");

    // The benchmark as the operator wrote it while the agent ran its first two runs.
    private static V1Alpha1UnpackBenchmark Running()
    {
        var benchmark = Scenario.Benchmark();
        var pod = KubeletPods.Running(KubeletPods.Created(benchmark));
        var status = Scenario.Decide(benchmark, pod, AgentLogs.Reading(AgentReports.LogWithRuns(Runs)), Scenario.Now.AddMinutes(-1)).Status!;
        return Scenario.Benchmark(status: status);
    }

    // What the kubelet reports between stopping the agent and removing the pod: Failed, exit 130, still being deleted.
    private static V1Pod KilledWhileDeleting(V1Alpha1UnpackBenchmark benchmark) => KubeletPods.Terminating(
        KubeletPods.Failed(
            KubeletPods.Created(benchmark), DeletedAt.AddSeconds(1), exitCode: 130,
            terminationMessage: AgentReports.TerminationMessage(AgentOutcomes.Failed, AgentFailureReasons.Incomplete, Interrupted, Document.Summary)),
        DeletedAt);

    private static AgentProgress InterruptedLog() =>
        AgentLogs.ReadToEnd([.. AgentReports.LogWithRuns(Runs), AgentReports.ResultLine(Document), AgentReports.FailedLine(AgentFailureReasons.Incomplete, Interrupted)]);

    [Fact]
    public void A_pod_reported_failed_while_still_being_deleted_is_lost_not_incomplete()
    {
        var benchmark = Running();

        var plan = Scenario.Decide(benchmark, KilledWhileDeleting(benchmark), InterruptedLog());

        var ready = Assert.Single(plan.Status!.Conditions, c => c.Type == ConditionSet.Ready);
        Assert.Equal((BenchmarkPhase.Failed, "AgentPodLost"), (plan.Status.Phase, ready.Reason));
        Assert.Contains("python-agent-g1-6f1c2a was deleted after 2 of 5 runs", ready.Message, StringComparison.Ordinal);
        Assert.Equal(ResultJson.Serialize(Document), plan.ConfigMapToWrite!.Data[ResultConfigMapBuilder.DocumentKey]);
        Assert.Equal(("Warning", "AgentPodLost"), (plan.Events[^1].Type, plan.Events[^1].Reason));
    }

    [Fact]
    public void A_pod_reported_failed_while_still_being_deleted_waits_for_its_log_before_any_verdict()
    {
        var benchmark = Running();
        var pod = KilledWhileDeleting(benchmark);

        var plan = Scenario.Decide(benchmark, pod, AgentLogs.Reading([.. AgentReports.LogWithRuns(Runs), AgentReports.ResultLine(Document), AgentReports.FailedLine(AgentFailureReasons.Incomplete, Interrupted)]));

        Assert.Equal(BenchmarkPhase.Running, plan.Status!.Phase);
        Assert.Same(pod, plan.FollowLogsOf);
        Assert.Null(plan.ConfigMapToWrite);
    }

    [Fact]
    public void The_pod_gone_after_the_agent_said_incomplete_is_lost_too()
    {
        var benchmark = Running();

        var plan = Scenario.Decide(benchmark, [], InterruptedLog());

        Assert.Equal((BenchmarkPhase.Failed, "AgentPodLost"), (plan.Status!.Phase, Assert.Single(plan.Status.Conditions, c => c.Type == ConditionSet.Ready).Reason));
    }

    [Fact]
    public void A_lost_verdict_stays_when_the_pod_goes_afterwards()
    {
        var benchmark = Running();
        var lost = Scenario.After(benchmark, Scenario.Decide(benchmark, KilledWhileDeleting(benchmark), InterruptedLog()));

        var plan = Scenario.Decide(lost, [], InterruptedLog());

        Assert.Null(plan.Status);
        Assert.Empty(plan.Events);
        Assert.Null(plan.ConfigMapToWrite);
    }
}
