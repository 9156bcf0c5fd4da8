using System.Diagnostics.CodeAnalysis;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

/// <summary>A benchmark's life around its agent pod: a lost pod, a changed spec, an invalid spec, the end, deletion.</summary>
public sealed class BenchmarkReconcilerLifecycleTests
{
    private static BenchmarkCondition Ready([NotNull] UnpackBenchmarkStatus? status)
    {
        Assert.NotNull(status);
        return Assert.Single(status.Conditions, c => c.Type == ConditionSet.Ready);
    }

    // The status after the agent logged <runs> runs of the benchmark's generation.
    private static UnpackBenchmarkStatus Running(long generation, int runs)
    {
        var benchmark = Scenario.Benchmark(generation: generation);
        var pod = KubeletPods.Running(KubeletPods.Created(benchmark));
        return Scenario.Decide(benchmark, pod, AgentLogs.Reading(AgentReports.LogWithRuns(AgentReports.SuccessfulRuns(runs))), Scenario.Now.AddMinutes(-1)).Status!;
    }

    [Fact]
    public void A_pod_that_disappeared_after_status_recorded_it_fails_the_benchmark_and_keeps_the_logged_runs()
    {
        var benchmark = Scenario.Benchmark(status: Running(1, 2));
        var progress = AgentLogs.Reading(AgentReports.LogWithRuns(AgentReports.SuccessfulRuns(2)));

        var plan = Scenario.Decide(benchmark, [], progress);

        Assert.Null(plan.PodToCreate);
        var status = plan.Status!;
        Assert.Equal((BenchmarkPhase.Failed, "AgentPodLost"), (status.Phase, Ready(status).Reason));
        Assert.Contains("python-agent-g1-6f1c2a disappeared after 2 of 5 runs", Ready(status).Message, StringComparison.Ordinal);
        Assert.Equal((2, "python-result", Scenario.Node), (status.CompletedRuns, status.ResultConfigMap, status.NodeName));
        var partial = ResultJson.Deserialize(plan.ConfigMapToWrite!.Data[ResultConfigMapBuilder.DocumentKey]);
        Assert.Equal([1, 2], partial.Runs.Select(r => r.RunId));
        Assert.Equal(2, partial.Summary.SuccessfulRuns);
        Assert.Equal(Scenario.Node, partial.Environment.Hostname);
        Assert.Contains(partial.Notes, n => n.Contains("the agent pod was lost", StringComparison.Ordinal));
        Assert.Equal(("Warning", "AgentPodLost"), (Assert.Single(plan.Events).Type, plan.Events[0].Reason));
    }

    [Fact]
    public void A_lost_pod_whose_log_was_never_read_keeps_the_runs_the_status_counted()
    {
        // After an operator restart nobody follows the pod any more, so only the status remembers its runs.
        var before = Running(1, 2);
        var benchmark = Scenario.Benchmark(status: before);

        var plan = Scenario.Decide(benchmark, [], AgentProgress.Empty);

        var status = plan.Status!;
        Assert.Equal((BenchmarkPhase.Failed, "AgentPodLost"), (status.Phase, Ready(status).Reason));
        Assert.Contains("after 2 of 5 runs", Ready(status).Message, StringComparison.Ordinal);
        Assert.Equal((2, "2/5"), (status.CompletedRuns, status.Progress));
        Assert.Equal(before.Summary, status.Summary);
        Assert.Null(plan.ConfigMapToWrite);
    }

    [Fact]
    public void A_pod_that_never_was_is_created_rather_than_reported_lost()
    {
        var benchmark = Scenario.Benchmark(status: Running(1, 2) with { ObservedGeneration = 0, Nodes = [] });

        var plan = Scenario.Decide(benchmark);

        Assert.NotNull(plan.PodToCreate);
        Assert.Equal(BenchmarkPhase.Pending, plan.Status!.Phase);
    }

    [Fact]
    public void A_new_spec_generation_replaces_the_old_pod_and_resets_the_status()
    {
        var oldBenchmark = Scenario.Benchmark(generation: 1);
        var oldPod = KubeletPods.Running(KubeletPods.Created(oldBenchmark));
        var benchmark = Scenario.Benchmark(Scenario.Spec with { Runs = 3 }, generation: 2, status: Running(1, 2));

        var plan = Scenario.Decide(benchmark, oldPod);

        Assert.Same(oldPod, Assert.Single(plan.PodsToDelete));
        Assert.Equal("python-agent-g2-6f1c2a", plan.PodToCreate!.Metadata.Name);
        Assert.Equal("2", plan.PodToCreate.Metadata.Labels[ObjectNames.GenerationLabel]);
        Assert.Equal("3", plan.PodToCreate.Spec.Containers[0].Args[plan.PodToCreate.Spec.Containers[0].Args.IndexOf("--runs") + 1]);
        var status = plan.Status!;
        Assert.Equal((BenchmarkPhase.Pending, "AgentPodPending", 2L), (status.Phase, Ready(status).Reason, status.ObservedGeneration));
        Assert.Equal((0, 3, "0/3"), (status.CompletedRuns, status.Runs, status.Progress));
        Assert.Null(status.Summary);
        Assert.Null(status.Image);
        Assert.Null(status.StartTime);
        Assert.Null(status.CompletionTime);
        Assert.Null(status.NodeName);
        Assert.Null(status.ResultConfigMap);
        Assert.Equal("python-agent-g2-6f1c2a", Assert.Single(status.Nodes).AgentPod);
        Assert.All(status.Conditions, c => Assert.Equal(2, c.ObservedGeneration));
        Assert.Equal("Started", Assert.Single(plan.Events).Reason);
    }

    [Fact]
    public void A_new_generation_after_a_finished_one_starts_again()
    {
        var finished = Running(1, 2) with { Phase = BenchmarkPhase.Succeeded, ResultConfigMap = "python-result", CompletionTime = Scenario.Now.AddMinutes(-1) };
        var oldPod = KubeletPods.Succeeded(KubeletPods.Created(Scenario.Benchmark(generation: 1)), Scenario.Now.UtcDateTime.AddMinutes(-1));
        var benchmark = Scenario.Benchmark(generation: 2, status: finished);

        var plan = Scenario.Decide(benchmark, oldPod);

        Assert.Same(oldPod, Assert.Single(plan.PodsToDelete));
        Assert.Equal("python-agent-g2-6f1c2a", plan.PodToCreate!.Metadata.Name);
        Assert.Equal((BenchmarkPhase.Pending, (string?)null, (DateTimeOffset?)null), (plan.Status!.Phase, plan.Status.ResultConfigMap, plan.Status.CompletionTime));
    }

    [Fact]
    public void An_old_generation_pod_already_being_deleted_is_left_to_go()
    {
        var oldPod = KubeletPods.Terminating(KubeletPods.Running(KubeletPods.Created(Scenario.Benchmark(generation: 1))), Scenario.Now.UtcDateTime);
        var benchmark = Scenario.Benchmark(generation: 2, status: Running(1, 2));

        var plan = Scenario.Decide(benchmark, oldPod);

        Assert.Empty(plan.PodsToDelete);
        Assert.NotNull(plan.PodToCreate);
    }

    [Theory]
    [InlineData("an upper-case repository", "localhost:5000/Library/python:3.12", "spec.image")]
    [InlineData("an invalid tag", "localhost:5000/python:-3.12", "spec.image")]
    [InlineData("a malformed digest", "localhost:5000/python@sha256:1234", "spec.image")]
    [InlineData("no repository", "localhost:5000/", "spec.image")]
    public void An_invalid_image_reference_fails_the_benchmark_without_a_pod_or_a_retry(string @case, string image, string field)
    {
        var benchmark = Scenario.Benchmark(Scenario.Spec with { Image = image });

        var plan = Scenario.Decide(benchmark);
        var again = Scenario.Decide(Scenario.After(benchmark, plan), now: Scenario.Now.AddMinutes(10));

        Assert.True(plan.PodToCreate is null, @case);
        Assert.Null(plan.RequeueAfter);
        Assert.Null(plan.FollowLogsOf);
        Assert.Null(plan.ConfigMapToWrite);
        Assert.Equal((BenchmarkPhase.Failed, "InvalidSpec"), (plan.Status!.Phase, Ready(plan.Status).Reason));
        Assert.Contains(field, Ready(plan.Status).Message, StringComparison.Ordinal);
        Assert.Equal("InvalidSpec", Assert.Single(plan.Events).Reason);
        Assert.Null(again.PodToCreate);
        Assert.Null(again.RequeueAfter);
        Assert.Empty(again.Events);
        Assert.True(KubernetesStatus.Same(plan.Status, again.Status), "deciding again on the same invalid spec changes its status");
    }

    [Fact]
    public void An_invalid_platform_fails_the_benchmark_and_says_which_field()
    {
        var plan = Scenario.Decide(Scenario.Benchmark(Scenario.Spec with { Platform = "beos/amd64" }));

        Assert.Equal("InvalidSpec", Ready(plan.Status!).Reason);
        Assert.Contains("spec.platform", Ready(plan.Status).Message, StringComparison.Ordinal);
        Assert.Null(plan.PodToCreate);
    }

    [Theory]
    [InlineData("succeeded, pod kept", BenchmarkPhase.Succeeded, true)]
    [InlineData("succeeded, pod gone", BenchmarkPhase.Succeeded, false)]
    [InlineData("failed, pod kept", BenchmarkPhase.Failed, true)]
    [InlineData("failed, pod gone", BenchmarkPhase.Failed, false)]
    public void An_already_finished_generation_has_nothing_to_do(string @case, string phase, bool podKept)
    {
        var benchmark = Scenario.Benchmark(status: Running(1, 5) with { Phase = phase, CompletionTime = Scenario.Now.AddMinutes(-1) });
        var pods = podKept ? [KubeletPods.Succeeded(KubeletPods.Created(benchmark), Scenario.Now.UtcDateTime.AddMinutes(-1))] : Array.Empty<k8s.Models.V1Pod>();

        var plan = Scenario.Decide(benchmark, pods, AgentProgress.Empty, Scenario.Now.AddHours(1));

        Assert.True(plan.Status is null, @case);
        Assert.Null(plan.PodToCreate);
        Assert.Empty(plan.PodsToDelete);
        Assert.Null(plan.FollowLogsOf);
        Assert.Null(plan.ConfigMapToWrite);
        Assert.Empty(plan.Events);
        Assert.Null(plan.RequeueAfter);
    }

    [Fact]
    public void A_benchmark_being_deleted_needs_nothing()
    {
        var benchmark = Scenario.Benchmark(status: Running(1, 2));
        benchmark.Metadata.DeletionTimestamp = Scenario.Now.UtcDateTime;

        var plan = Scenario.Decide(benchmark, [], AgentProgress.Empty);

        Assert.Same(ReconcilePlan.None, plan);
    }
}
