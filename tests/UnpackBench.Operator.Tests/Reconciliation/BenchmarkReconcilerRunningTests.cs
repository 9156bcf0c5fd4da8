using System.Diagnostics.CodeAnalysis;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

/// <summary>While the agent runs: following its log, counting runs, reporting progress.</summary>
public sealed class BenchmarkReconcilerRunningTests
{
    private static BenchmarkCondition Ready([NotNull] UnpackBenchmarkStatus? status)
    {
        Assert.NotNull(status);
        return Assert.Single(status.Conditions, c => c.Type == ConditionSet.Ready);
    }

    // A benchmark whose status says Pending/AgentPodPending, as the first reconcile left it.
    private static UnpackBenchmarkStatus Created() => Scenario.Decide(Scenario.Benchmark(), now: Scenario.Now.AddMinutes(-2)).Status!;

    [Fact]
    public void A_running_agent_is_followed_and_its_logged_runs_counted()
    {
        var benchmark = Scenario.Benchmark(status: Created());
        var pod = KubeletPods.Running(KubeletPods.Created(benchmark));
        var progress = AgentLogs.Reading(AgentReports.LogWithRuns(AgentReports.SuccessfulRuns(2)));

        var plan = Scenario.Decide(benchmark, pod, progress);

        Assert.Same(pod, plan.FollowLogsOf);
        Assert.Null(plan.PodToCreate);
        Assert.Empty(plan.PodsToDelete);
        Assert.Null(plan.ConfigMapToWrite);
        var status = plan.Status!;
        Assert.Equal((BenchmarkPhase.Running, "Running"), (status.Phase, Ready(status).Reason));
        Assert.Equal((2, 5, "2/5"), (status.CompletedRuns, status.Runs, status.Progress));
        Assert.Contains("2 of 5 runs done", Ready(status).Message, StringComparison.Ordinal);
        Assert.Equal(Scenario.Node, status.NodeName);
        Assert.Equal(new DateTimeOffset(pod.Status.StartTime!.Value, TimeSpan.Zero), status.StartTime);
        Assert.Null(status.CompletionTime);
        Assert.Equal(AgentReports.Image.Digest, status.Image!.Digest);
        Assert.Equal((2, "3.055"), (status.Summary!.SuccessfulRuns, status.Summary.MedianSeconds));
        var node = Assert.Single(status.Nodes);
        Assert.Equal((Scenario.Node, pod.Metadata.Name, BenchmarkPhase.Running, 2), (node.NodeName, node.AgentPod, node.Phase, node.CompletedRuns));
        Assert.Equal(["RunCompleted", "RunCompleted"], plan.Events.Select(e => e.Reason));
        Assert.Equal("run 1/5: 3.100 s", plan.Events[0].Message);
        Assert.All(plan.Events, e => Assert.Equal("Normal", e.Type));
    }

    [Fact]
    public void Run_events_are_only_for_runs_the_status_has_not_counted_yet()
    {
        var benchmark = Scenario.Benchmark(status: Created());
        var pod = KubeletPods.Running(KubeletPods.Created(benchmark));
        var runs = AgentReports.SuccessfulRuns(3);
        var first = Scenario.Decide(benchmark, pod, AgentLogs.Reading(AgentReports.LogWithRuns(runs.Take(2))));

        var again = Scenario.Decide(Scenario.After(benchmark, first), pod, AgentLogs.Reading(AgentReports.LogWithRuns(runs.Take(2))), Scenario.Now.AddSeconds(5));
        var third = Scenario.Decide(Scenario.After(benchmark, first), pod, AgentLogs.Reading(AgentReports.LogWithRuns(runs)), Scenario.Now.AddSeconds(10));

        Assert.Empty(again.Events);
        Assert.True(KubernetesStatus.Same(first.Status, again.Status), "the same observation a little later changes the status");
        var run3 = Assert.Single(third.Events);
        Assert.Equal(("RunCompleted", "run 3/5: 3.300 s"), (run3.Reason, run3.Message));
        Assert.Equal("3/5", third.Status!.Progress);
    }

    [Fact]
    public void A_failed_run_is_a_warning_event_with_its_error()
    {
        var benchmark = Scenario.Benchmark(status: Created());
        var pod = KubeletPods.Running(KubeletPods.Created(benchmark));

        var plan = Scenario.Decide(benchmark, pod, AgentLogs.Reading(AgentReports.LogWithRuns([AgentReports.SuccessfulRun(1), AgentReports.FailedRun(2, "run 2 started with 3 snapshots present")])));

        var failed = Assert.Single(plan.Events, e => e.Reason == "RunFailed");
        Assert.Equal(("Warning", "run 2/5 failed: run 2 started with 3 snapshots present"), (failed.Type, failed.Message));
        Assert.Equal((1, 1), (plan.Status!.Summary!.SuccessfulRuns, plan.Status.Summary.FailedRuns));
    }

    [Fact]
    public void An_agent_still_acquiring_the_image_says_so()
    {
        var benchmark = Scenario.Benchmark(status: Created());
        var pod = KubeletPods.Running(KubeletPods.Created(benchmark));

        var plan = Scenario.Decide(benchmark, pod, AgentLogs.Reading([AgentReports.StartedLine(), AgentReports.StageLine("pulling")]));

        Assert.Equal(BenchmarkPhase.Running, plan.Status!.Phase);
        Assert.Contains("acquiring the image", Ready(plan.Status).Message, StringComparison.Ordinal);
        Assert.Equal("0/5", plan.Status.Progress);
        Assert.Null(plan.Status.Summary);
        Assert.Empty(plan.Events);
    }

    [Fact]
    public void Runs_in_status_are_kept_when_the_log_has_not_been_read_again_yet()
    {
        var benchmark = Scenario.Benchmark(status: Created());
        var pod = KubeletPods.Running(KubeletPods.Created(benchmark));
        var before = Scenario.After(benchmark, Scenario.Decide(benchmark, pod, AgentLogs.Reading(AgentReports.LogWithRuns(AgentReports.SuccessfulRuns(3)))));

        // An operator restart: nobody has read the log yet.
        var plan = Scenario.Decide(before, pod, AgentProgress.Empty, Scenario.Now.AddMinutes(1));

        Assert.Equal((3, "3/5"), (plan.Status!.CompletedRuns, plan.Status.Progress));
        Assert.Equal(before.Status!.Summary, plan.Status.Summary);
        Assert.Equal(before.Status.Image, plan.Status.Image);
        Assert.Empty(plan.Events);
        Assert.Same(pod, plan.FollowLogsOf);
    }

    [Fact]
    public void A_status_read_back_from_the_api_server_is_not_rewritten()
    {
        var benchmark = Scenario.Benchmark(status: KubernetesStatus.RoundTrip(Created()));
        var pod = KubeletPods.Running(KubeletPods.Created(benchmark));
        var progress = AgentLogs.Reading(AgentReports.LogWithRuns(AgentReports.SuccessfulRuns(2)));
        var written = Scenario.Decide(benchmark, pod, progress).Status!;
        var stored = Scenario.Benchmark(status: KubernetesStatus.RoundTrip(written));

        var plan = Scenario.Decide(stored, pod, progress, Scenario.Now.AddMinutes(1));

        Assert.True(KubernetesStatus.Same(stored.Status, plan.Status), "an unchanged observation rewrites the status");
    }

    [Fact]
    public void A_succeeded_pod_whose_log_is_not_read_to_the_end_is_still_followed_and_not_finished()
    {
        var benchmark = Scenario.Benchmark(status: Created());
        var summary = Core.Results.SummaryCalculator.Summarize(AgentReports.SuccessfulRuns(5), null);
        var pod = KubeletPods.Succeeded(KubeletPods.Created(benchmark), Scenario.Now.UtcDateTime.AddSeconds(-5), AgentReports.TerminationMessage("Succeeded", null, "5 of 5 runs succeeded", summary));

        var plan = Scenario.Decide(benchmark, pod, AgentLogs.Reading(AgentReports.LogWithRuns(AgentReports.SuccessfulRuns(4))));

        Assert.Same(pod, plan.FollowLogsOf);
        Assert.Equal(BenchmarkPhase.Running, plan.Status!.Phase);
        Assert.Null(plan.Status.CompletionTime);
        Assert.Null(plan.ConfigMapToWrite);
        // The termination message already says all five ran; progress never lags behind what is known.
        Assert.Equal("5/5", plan.Status.Progress);
        Assert.DoesNotContain(plan.Events, e => e.Reason is "Succeeded" or "BenchmarkSucceeded");
    }

    [Fact]
    public void A_running_pod_being_deleted_is_waited_for()
    {
        var benchmark = Scenario.Benchmark(status: Created());
        var pod = KubeletPods.Terminating(KubeletPods.Running(KubeletPods.Created(benchmark)), Scenario.Now.UtcDateTime.AddSeconds(-5));

        var plan = Scenario.Decide(benchmark, pod);

        Assert.Equal((BenchmarkPhase.Running, "AgentPodTerminating"), (plan.Status!.Phase, Ready(plan.Status).Reason));
        Assert.Null(plan.PodToCreate);
        Assert.Empty(plan.PodsToDelete);
    }
}
