using System.Diagnostics.CodeAnalysis;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

/// <summary>How an agent pod's end becomes the benchmark's: success, the agent's failures, Kubernetes' failures.</summary>
public sealed class BenchmarkReconcilerOutcomeTests
{
    private const string Interrupted = "interrupted; the runs completed so far are in benchmark_20260314T115500Z.json";

    private static readonly DateTime FinishedAt = Scenario.Now.UtcDateTime.AddSeconds(-20);

    private static BenchmarkCondition Ready([NotNull] UnpackBenchmarkStatus? status)
    {
        Assert.NotNull(status);
        return Assert.Single(status.Conditions, c => c.Type == ConditionSet.Ready);
    }

    // Runs 1 and 2 were already counted in status while the agent ran.
    private static UnpackBenchmarkStatus RunningWithTwoRuns()
    {
        var benchmark = Scenario.Benchmark();
        var pod = KubeletPods.Running(KubeletPods.Created(benchmark));
        return Scenario.Decide(benchmark, pod, AgentLogs.Reading(AgentReports.LogWithRuns(AgentReports.SuccessfulRuns(2))), Scenario.Now.AddMinutes(-1)).Status!;
    }

    [Fact]
    public void A_succeeded_agent_whose_result_was_read_succeeds_the_benchmark()
    {
        var benchmark = Scenario.Benchmark(status: RunningWithTwoRuns());
        var runs = AgentReports.SuccessfulRuns(5);
        var document = AgentReports.Document(runs);
        var pod = KubeletPods.Succeeded(KubeletPods.Created(benchmark), FinishedAt, AgentReports.TerminationMessage("Succeeded", null, "5 of 5 runs succeeded", document.Summary));
        var progress = AgentLogs.ReadToEnd([.. AgentReports.LogWithRuns(runs), AgentReports.ResultLine(document)]);

        var plan = Scenario.Decide(benchmark, pod, progress);

        var status = plan.Status!;
        Assert.Equal((BenchmarkPhase.Succeeded, "BenchmarkSucceeded"), (status.Phase, Ready(status).Reason));
        Assert.Contains("median 3.120 s over 5 successful of 5 runs", Ready(status).Message, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(FinishedAt, TimeSpan.Zero), status.CompletionTime);
        Assert.Equal(("python-result", 5, "5/5"), (status.ResultConfigMap, status.CompletedRuns, status.Progress));
        var summary = status.Summary!;
        Assert.Equal((5, 0), (summary.SuccessfulRuns, summary.FailedRuns));
        Assert.Equal(("3.146", "3.010", "3.300", "3.120"), (summary.AvgSeconds, summary.MinSeconds, summary.MaxSeconds, summary.MedianSeconds));
        Assert.Equal(("38.5", "155.0", "125.5", 14), (summary.ThroughputMBps, summary.CpuPeakPercent, summary.MemoryPeakMB, summary.PidPeakCount));
        Assert.Equal((AgentReports.Image.Digest, 2, 40_000_000L, 120_000_000L), (status.Image!.Digest, status.Image.Layers, status.Image.CompressedBytes, status.Image.UncompressedBytes));

        var configMap = plan.ConfigMapToWrite!;
        Assert.Equal(("python-result", Scenario.Namespace), (configMap.Metadata.Name, configMap.Metadata.NamespaceProperty));
        Assert.Equal(Scenario.Uid, Assert.Single(configMap.Metadata.OwnerReferences).Uid);
        Assert.Equal("1", configMap.Metadata.Annotations[ResultConfigMapBuilder.GenerationAnnotation]);
        Assert.Equal(ResultJson.Serialize(document), configMap.Data[ResultConfigMapBuilder.DocumentKey]);

        Assert.Equal(["RunCompleted", "RunCompleted", "RunCompleted", "Succeeded"], plan.Events.Select(e => e.Reason));
        Assert.Equal(["run 3/5: 3.300 s", "run 4/5: 3.120 s", "run 5/5: 3.200 s"], plan.Events.Take(3).Select(e => e.Message));
        Assert.Equal("Normal", plan.Events[^1].Type);
    }

    [Fact]
    public void A_succeeded_benchmark_needs_nothing_more()
    {
        var benchmark = Scenario.Benchmark(status: RunningWithTwoRuns());
        var runs = AgentReports.SuccessfulRuns(5);
        var pod = KubeletPods.Succeeded(KubeletPods.Created(benchmark), FinishedAt);
        var progress = AgentLogs.ReadToEnd([.. AgentReports.LogWithRuns(runs), AgentReports.ResultLine(AgentReports.Document(runs))]);
        var succeeded = Scenario.After(benchmark, Scenario.Decide(benchmark, pod, progress));

        var plan = Scenario.Decide(succeeded, pod, progress, Scenario.Now.AddMinutes(10));

        Assert.Null(plan.Status);
        Assert.Null(plan.ConfigMapToWrite);
        Assert.Null(plan.FollowLogsOf);
        Assert.Empty(plan.Events);
    }

    [Theory]
    [InlineData(AgentFailureReasons.ImageNotFound, "localhost:5000/library/python:3.12: manifest unknown")]
    [InlineData(AgentFailureReasons.Unauthorized, "localhost:5000 rejected the credentials in registry-a")]
    [InlineData(AgentFailureReasons.SnapshotterUnavailable, "snapshotter zfs is not available on this node")]
    public void An_agent_that_reports_a_failure_fails_the_benchmark_with_its_reason_and_message(string reason, string message)
    {
        var benchmark = Scenario.Benchmark(status: RunningWithTwoRuns() with { CompletedRuns = 0, Summary = null, Progress = "0/5" });
        var pod = KubeletPods.Failed(KubeletPods.Created(benchmark), FinishedAt, terminationMessage: AgentReports.TerminationMessage("Failed", reason, message));
        var progress = AgentLogs.ReadToEnd([AgentReports.StartedLine(), AgentReports.FailedLine(reason, message)]);

        var plan = Scenario.Decide(benchmark, pod, progress);

        Assert.Equal((BenchmarkPhase.Failed, reason, message), (plan.Status!.Phase, Ready(plan.Status).Reason, Ready(plan.Status).Message));
        Assert.Null(plan.ConfigMapToWrite);
        Assert.Null(plan.Status.ResultConfigMap);
        var failed = Assert.Single(plan.Events);
        Assert.Equal(("Warning", reason, message), (failed.Type, failed.Reason, failed.Message));
        Assert.Equal(new DateTimeOffset(FinishedAt, TimeSpan.Zero), plan.Status.CompletionTime);
    }

    [Fact]
    public void A_pod_past_its_deadline_fails_with_DeadlineExceeded_and_keeps_the_completed_runs()
    {
        var benchmark = Scenario.Benchmark(status: RunningWithTwoRuns());
        var pod = KubeletPods.Failed(KubeletPods.Created(benchmark), FinishedAt, exitCode: 137, podReason: "DeadlineExceeded", podMessage: "Pod was active on the node longer than the specified deadline");
        var progress = AgentLogs.ReadToEnd(AgentReports.LogWithRuns(AgentReports.SuccessfulRuns(2)));

        var plan = Scenario.Decide(benchmark, pod, progress);

        AssertDeadlineExceeded(plan, completedRuns: 2);
        var kept = ResultJson.Deserialize(plan.ConfigMapToWrite!.Data[ResultConfigMapBuilder.DocumentKey]);
        Assert.Equal([1, 2], kept.Runs.Select(r => r.RunId));
        Assert.Contains(kept.Notes, n => n.Contains("partial result", StringComparison.Ordinal));
    }

    [Fact]
    public void A_deadline_outranks_the_agents_own_account_of_being_interrupted()
    {
        // The kubelet stops the agent with SIGTERM at the deadline; the agent writes what it has and says "Incomplete".
        var benchmark = Scenario.Benchmark(status: RunningWithTwoRuns());
        var runs = AgentReports.SuccessfulRuns(3);
        var document = AgentReports.Document(runs, notes: "interrupted after 3 of 5 runs");
        var pod = KubeletPods.Failed(
            KubeletPods.Created(benchmark), FinishedAt, exitCode: 130,
            terminationMessage: AgentReports.TerminationMessage("Failed", AgentFailureReasons.Incomplete, Interrupted, document.Summary),
            podReason: "DeadlineExceeded", podMessage: "Pod was active on the node longer than the specified deadline");
        var progress = AgentLogs.ReadToEnd([.. AgentReports.LogWithRuns(runs), AgentReports.ResultLine(document), AgentReports.FailedLine(AgentFailureReasons.Incomplete, Interrupted)]);

        var plan = Scenario.Decide(benchmark, pod, progress);

        AssertDeadlineExceeded(plan, completedRuns: 3);
        Assert.Equal(ResultJson.Serialize(document), plan.ConfigMapToWrite!.Data[ResultConfigMapBuilder.DocumentKey]);
    }

    [Fact]
    public void An_agent_that_stopped_early_on_its_own_keeps_its_reason_and_its_result()
    {
        var benchmark = Scenario.Benchmark(status: RunningWithTwoRuns());
        var runs = AgentReports.SuccessfulRuns(3);
        var document = AgentReports.Document(runs, notes: "containerd exited unexpectedly");
        var message = "the benchmark stopped after 3 of 5 runs: containerd exited unexpectedly";
        var pod = KubeletPods.Failed(KubeletPods.Created(benchmark), FinishedAt, terminationMessage: AgentReports.TerminationMessage("Failed", AgentFailureReasons.Incomplete, message, document.Summary));
        var progress = AgentLogs.ReadToEnd([.. AgentReports.LogWithRuns(runs), AgentReports.ResultLine(document), AgentReports.FailedLine(AgentFailureReasons.Incomplete, message)]);

        var plan = Scenario.Decide(benchmark, pod, progress);

        Assert.Equal((BenchmarkPhase.Failed, AgentFailureReasons.Incomplete, message), (plan.Status!.Phase, Ready(plan.Status).Reason, Ready(plan.Status).Message));
        Assert.Equal(ResultJson.Serialize(document), plan.ConfigMapToWrite!.Data[ResultConfigMapBuilder.DocumentKey]);
        Assert.Equal("python-result", plan.Status.ResultConfigMap);
        Assert.Equal("3.100", plan.Status.Summary!.MedianSeconds);
    }

    [Fact]
    public void A_failed_pod_whose_log_is_lost_is_explained_by_its_termination_message()
    {
        var benchmark = Scenario.Benchmark(status: RunningWithTwoRuns());
        var message = "containerd did not start: its root directory is on overlayfs; mount a volume there";
        var pod = KubeletPods.Failed(KubeletPods.Created(benchmark), FinishedAt, terminationMessage: AgentReports.TerminationMessage("Failed", AgentFailureReasons.ContainerdUnavailable, message));

        var plan = Scenario.Decide(benchmark, pod, AgentLogs.Unreadable("pods \"python-agent-g1-6f1c2a\" not found"));

        Assert.Equal((BenchmarkPhase.Failed, AgentFailureReasons.ContainerdUnavailable, message), (plan.Status!.Phase, Ready(plan.Status).Reason, Ready(plan.Status).Message));
        Assert.Equal(2, plan.Status.CompletedRuns);
    }

    [Fact]
    public void The_termination_message_counts_stand_in_for_a_lost_log()
    {
        var benchmark = Scenario.Benchmark(status: RunningWithTwoRuns());
        var summary = SummaryCalculator.Summarize(AgentReports.SuccessfulRuns(4), null);
        var pod = KubeletPods.Failed(KubeletPods.Created(benchmark), FinishedAt, terminationMessage: AgentReports.TerminationMessage("Failed", AgentFailureReasons.Incomplete, "the benchmark stopped after 4 of 5 runs", summary));

        var plan = Scenario.Decide(benchmark, pod, AgentLogs.Unreadable("the log was rotated away"));

        Assert.Equal(AgentFailureReasons.Incomplete, Ready(plan.Status!).Reason);
        Assert.Equal((4, "3.110"), (plan.Status.Summary!.SuccessfulRuns, plan.Status.Summary.MedianSeconds));
    }

    [Fact]
    public void A_failed_pod_without_log_or_termination_message_reports_the_exit_code_and_the_read_error()
    {
        var benchmark = Scenario.Benchmark(status: RunningWithTwoRuns());
        var pod = KubeletPods.Failed(KubeletPods.Created(benchmark), FinishedAt, exitCode: 139);

        var plan = Scenario.Decide(benchmark, pod, AgentLogs.Unreadable("unexpected EOF"));

        Assert.Equal(("AgentFailed", BenchmarkPhase.Failed), (Ready(plan.Status!).Reason, plan.Status.Phase));
        Assert.Contains("exited with code 139", Ready(plan.Status).Message, StringComparison.Ordinal);
        Assert.Contains("unexpected EOF", Ready(plan.Status).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agent_killed_for_its_memory_says_to_raise_the_limit()
    {
        var benchmark = Scenario.Benchmark(status: RunningWithTwoRuns());
        var pod = KubeletPods.Failed(KubeletPods.Created(benchmark), FinishedAt, exitCode: 137, containerReason: "OOMKilled");

        var plan = Scenario.Decide(benchmark, pod, AgentLogs.ReadToEnd(AgentReports.LogWithRuns(AgentReports.SuccessfulRuns(2))));

        Assert.Equal("AgentOOMKilled", Ready(plan.Status!).Reason);
        Assert.Contains("spec.resources.limits.memory", Ready(plan.Status).Message, StringComparison.Ordinal);
        Assert.NotNull(plan.ConfigMapToWrite);
    }

    private static void AssertDeadlineExceeded(ReconcilePlan plan, int completedRuns)
    {
        var status = plan.Status!;
        Assert.Equal((BenchmarkPhase.Failed, "DeadlineExceeded"), (status.Phase, Ready(status).Reason));
        Assert.Contains("spec.timeoutSeconds (600 s)", Ready(status).Message, StringComparison.Ordinal);
        Assert.Contains($"{completedRuns} of 5 runs completed and are kept", Ready(status).Message, StringComparison.Ordinal);
        Assert.Equal((completedRuns, $"{completedRuns}/5", "python-result"), (status.CompletedRuns, status.Progress, status.ResultConfigMap));
        Assert.Equal(completedRuns, status.Summary!.SuccessfulRuns);
        Assert.NotNull(plan.ConfigMapToWrite);
        var failed = Assert.Single(plan.Events, e => e.Type == "Warning");
        Assert.Equal("DeadlineExceeded", failed.Reason);
    }
}
