using System.Diagnostics.CodeAnalysis;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

/// <summary>From a new benchmark to its agent pod's start: creation, scheduling and start-up problems.</summary>
public sealed class BenchmarkReconcilerPendingTests
{
    private const string SchedulerMessage = "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";

    private static BenchmarkCondition Ready([NotNull] UnpackBenchmarkStatus? status)
    {
        Assert.NotNull(status);
        return Assert.Single(status.Conditions, c => c.Type == ConditionSet.Ready);
    }

    [Fact]
    public void A_benchmark_without_a_pod_gets_exactly_one_agent_pod()
    {
        var plan = Scenario.Decide(Scenario.Benchmark());

        Assert.NotNull(plan.PodToCreate);
        Assert.Equal("python-agent-g1-6f1c2a", plan.PodToCreate.Metadata.Name);
        Assert.Empty(plan.PodsToDelete);
        Assert.Null(plan.FollowLogsOf);
        Assert.Null(plan.ConfigMapToWrite);
        Assert.Null(plan.RequeueAfter);
        var status = plan.Status!;
        Assert.Equal((BenchmarkPhase.Pending, "AgentPodPending", 1L), (status.Phase, Ready(status).Reason, status.ObservedGeneration));
        Assert.Equal(("0/5", 0, 5), (status.Progress, status.CompletedRuns, status.Runs));
        Assert.Equal("python-agent-g1-6f1c2a", Assert.Single(status.Nodes).AgentPod);
        var started = Assert.Single(plan.Events);
        Assert.Equal(("Normal", "Started"), (started.Type, started.Reason));
        Assert.Contains("python-agent-g1-6f1c2a", started.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_status_written_with_the_new_pod_is_the_one_its_first_appearance_gives()
    {
        var benchmark = Scenario.Benchmark();
        var created = Scenario.Decide(benchmark);

        var seen = Scenario.Decide(Scenario.After(benchmark, created), KubeletPods.Created(benchmark));

        Assert.Equal(k8s.KubernetesJson.Serialize(created.Status), k8s.KubernetesJson.Serialize(seen.Status));
    }

    [Fact]
    public void Deciding_again_with_the_created_pod_pending_creates_nothing_and_records_nothing()
    {
        var benchmark = Scenario.Benchmark();
        var created = Scenario.Decide(benchmark);
        var pod = KubeletPods.Created(benchmark);

        var plan = Scenario.Decide(Scenario.After(benchmark, created), pod, now: Scenario.Now.AddSeconds(3));

        Assert.Null(plan.PodToCreate);
        Assert.Empty(plan.PodsToDelete);
        Assert.Empty(plan.Events);
        Assert.Null(plan.RequeueAfter);
        Assert.Equal((BenchmarkPhase.Pending, "AgentPodPending"), (plan.Status!.Phase, Ready(plan.Status).Reason));
        Assert.Equal(Scenario.Now, Ready(plan.Status).LastTransitionTime);
    }

    [Fact]
    public void A_pod_whose_container_is_being_created_is_pending_without_a_deadline()
    {
        var benchmark = Scenario.Benchmark();

        var plan = Scenario.Decide(benchmark, KubeletPods.Waiting(KubeletPods.Created(benchmark), "ContainerCreating"));

        Assert.Equal((BenchmarkPhase.Pending, "AgentPodPending"), (plan.Status!.Phase, Ready(plan.Status).Reason));
        Assert.Null(plan.RequeueAfter);
        Assert.Empty(plan.PodsToDelete);
        Assert.Equal(Scenario.Node, plan.Status.NodeName);
    }

    [Fact]
    public void An_unschedulable_pod_waits_with_the_schedulers_message_and_a_requeue_at_the_timeout()
    {
        var benchmark = Scenario.Benchmark();
        var pod = KubeletPods.Unschedulable(KubeletPods.Created(benchmark), Scenario.Now.UtcDateTime.AddMinutes(-2), SchedulerMessage);

        var plan = Scenario.Decide(benchmark, pod);

        Assert.Equal((BenchmarkPhase.Pending, "Unschedulable"), (plan.Status!.Phase, Ready(plan.Status).Reason));
        Assert.Contains(SchedulerMessage, Ready(plan.Status).Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(3), plan.RequeueAfter);
        Assert.Empty(plan.PodsToDelete);
        Assert.Null(plan.PodToCreate);
    }

    [Theory]
    [InlineData("at the timeout", 5)]
    [InlineData("long past the timeout", 60)]
    public void An_unschedulable_pod_past_the_timeout_fails_the_benchmark_and_is_deleted(string @case, int minutesUnschedulable)
    {
        var benchmark = Scenario.Benchmark();
        var pod = KubeletPods.Unschedulable(KubeletPods.Created(benchmark), Scenario.Now.UtcDateTime.AddMinutes(-minutesUnschedulable), SchedulerMessage);

        var plan = Scenario.Decide(benchmark, pod);

        Assert.True(plan.Status!.Phase == BenchmarkPhase.Failed, @case);
        Assert.Equal("Unschedulable", Ready(plan.Status).Reason);
        Assert.Contains(SchedulerMessage, Ready(plan.Status).Message, StringComparison.Ordinal);
        Assert.Same(pod, Assert.Single(plan.PodsToDelete));
        Assert.Null(plan.RequeueAfter);
        Assert.Equal(Scenario.Now, plan.Status.CompletionTime);
        var failed = Assert.Single(plan.Events);
        Assert.Equal(("Warning", "Unschedulable"), (failed.Type, failed.Reason));
    }

    [Fact]
    public void The_unschedulable_timeout_is_the_operators_setting()
    {
        var benchmark = Scenario.Benchmark();
        var pod = KubeletPods.Unschedulable(KubeletPods.Created(benchmark), Scenario.Now.UtcDateTime.AddMinutes(-2), SchedulerMessage);

        var patient = Scenario.Decide(benchmark, pod, options: Scenario.Options with { UnschedulableTimeout = TimeSpan.FromMinutes(30) });
        var impatient = Scenario.Decide(benchmark, pod, options: Scenario.Options with { UnschedulableTimeout = TimeSpan.FromMinutes(1) });

        Assert.Equal(TimeSpan.FromMinutes(28), patient.RequeueAfter);
        Assert.Equal(BenchmarkPhase.Failed, impatient.Status!.Phase);
    }

    [Theory]
    [InlineData("CreateContainerConfigError", "secret \"registry-a\" not found")]
    [InlineData("CreateContainerError", "failed to reserve container name")]
    [InlineData("RunContainerError", "failed to start container")]
    [InlineData("InvalidImageName", "couldn't parse image name")]
    [InlineData("ErrImageNeverPull", "Container image is not present with pull policy of Never")]
    public void A_container_that_cannot_start_fails_the_benchmark_at_once(string reason, string message)
    {
        var benchmark = Scenario.Benchmark();
        var pod = KubeletPods.Waiting(KubeletPods.Created(benchmark), reason, message);

        var plan = Scenario.Decide(benchmark, pod);

        Assert.Equal((BenchmarkPhase.Failed, "AgentStartFailed"), (plan.Status!.Phase, Ready(plan.Status).Reason));
        Assert.Contains(reason, Ready(plan.Status).Message, StringComparison.Ordinal);
        Assert.Contains(message, Ready(plan.Status).Message, StringComparison.Ordinal);
        Assert.Same(pod, Assert.Single(plan.PodsToDelete));
        Assert.Equal("AgentStartFailed", Assert.Single(plan.Events).Reason);
    }

    [Theory]
    [InlineData("ErrImagePull")]
    [InlineData("ImagePullBackOff")]
    public void An_agent_image_that_cannot_be_pulled_waits_and_then_fails_after_the_timeout(string reason)
    {
        var benchmark = Scenario.Benchmark();
        var pod = KubeletPods.Waiting(KubeletPods.Created(benchmark, Scenario.Now.UtcDateTime.AddMinutes(-1)), reason, "Back-off pulling image \"localhost:5000/unpackbench:0.1.0\"");

        var waiting = Scenario.Decide(benchmark, pod);
        var failed = Scenario.Decide(Scenario.After(benchmark, waiting), pod, now: Scenario.Now.AddMinutes(4));

        Assert.Equal((BenchmarkPhase.Pending, "AgentImageUnavailable"), (waiting.Status!.Phase, Ready(waiting.Status).Reason));
        Assert.Contains("Back-off pulling image", Ready(waiting.Status).Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(4), waiting.RequeueAfter);
        Assert.Empty(waiting.PodsToDelete);
        Assert.Equal((BenchmarkPhase.Failed, "AgentImageUnavailable"), (failed.Status!.Phase, Ready(failed.Status).Reason));
        Assert.Same(pod, Assert.Single(failed.PodsToDelete));
        Assert.Equal(("Warning", "AgentImageUnavailable"), (Assert.Single(failed.Events).Type, failed.Events[0].Reason));
    }

    [Fact]
    public void A_failed_benchmark_stays_failed_while_its_deleted_pod_terminates_and_after_it_is_gone()
    {
        var benchmark = Scenario.Benchmark();
        var pod = KubeletPods.Waiting(KubeletPods.Created(benchmark), "CreateContainerConfigError", "secret \"registry-a\" not found");
        var failed = Scenario.After(benchmark, Scenario.Decide(benchmark, pod));

        var terminating = Scenario.Decide(failed, KubeletPods.Terminating(pod, Scenario.Now.UtcDateTime), now: Scenario.Now.AddSeconds(1));
        var gone = Scenario.Decide(failed, now: Scenario.Now.AddSeconds(40));

        Assert.All(new[] { terminating, gone }, plan =>
        {
            Assert.True(plan.Status is null || KubernetesStatus.Same(plan.Status, failed.Status), $"the status changed to {plan.Status?.Phase}/{plan.Status?.Conditions[0].Reason}");
            Assert.Empty(plan.Events);
            Assert.Null(plan.PodToCreate);
            Assert.Empty(plan.PodsToDelete);
        });
    }
}
