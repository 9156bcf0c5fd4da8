using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

/// <summary>Pods that would wait forever — bound to a node that never starts them, or deleted on a lost node — fail after a bound.</summary>
public sealed class BenchmarkReconcilerStuckPodTests
{
    [Fact]
    public void A_pod_bound_to_a_node_that_never_starts_it_fails_after_the_timeout()
    {
        var benchmark = Scenario.Benchmark(Scenario.Spec with { NodeName = "ghost" });
        var pod = KubeletPods.Created(benchmark, Scenario.Now.UtcDateTime - Scenario.Options.UnschedulableTimeout - TimeSpan.FromSeconds(1));

        var plan = Scenario.Decide(benchmark, pod);

        var ready = Assert.Single(plan.Status!.Conditions, c => c.Type == ConditionSet.Ready);
        Assert.Equal((BenchmarkPhase.Failed, "NodeNotFound"), (plan.Status.Phase, ready.Reason));
        Assert.Contains("node ghost exists", ready.Message, StringComparison.Ordinal);
        Assert.Contains(pod, plan.PodsToDelete);
    }

    [Fact]
    public void A_freshly_bound_pod_is_starting_and_looked_at_again_later()
    {
        var benchmark = Scenario.Benchmark(Scenario.Spec with { NodeName = "ghost" });
        var pod = KubeletPods.Created(benchmark, Scenario.Now.UtcDateTime.AddSeconds(-10));

        var plan = Scenario.Decide(benchmark, pod);

        Assert.Equal("AgentPodPending", Assert.Single(plan.Status!.Conditions, c => c.Type == ConditionSet.Ready).Reason);
        Assert.Equal(TimeSpan.FromSeconds(50), plan.RequeueAfter);
    }

    [Fact]
    public void A_timeout_shorter_than_the_kubelets_grace_gives_up_on_an_unstarted_pod_at_the_timeout()
    {
        var options = Scenario.Options with { UnschedulableTimeout = TimeSpan.FromSeconds(20) };
        var benchmark = Scenario.Benchmark(Scenario.Spec with { NodeName = "ghost" });

        var waiting = Scenario.Decide(benchmark, KubeletPods.Created(benchmark, Scenario.Now.UtcDateTime.AddSeconds(-5)), options: options);
        var failed = Scenario.Decide(benchmark, KubeletPods.Created(benchmark, Scenario.Now.UtcDateTime.AddSeconds(-20)), options: options);

        Assert.Equal(TimeSpan.FromSeconds(15), waiting.RequeueAfter);
        var ready = Assert.Single(failed.Status!.Conditions, c => c.Type == ConditionSet.Ready);
        Assert.Equal((BenchmarkPhase.Failed, "NodeNotFound"), (failed.Status.Phase, ready.Reason));
        Assert.EndsWith("(gave up after 20 s)", ready.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schedulers_sentence_is_not_followed_by_a_second_full_stop()
    {
        var benchmark = Scenario.Benchmark();
        var pod = KubeletPods.Unschedulable(KubeletPods.Created(benchmark), Scenario.Now.UtcDateTime, "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.");

        var message = Assert.Single(Scenario.Decide(benchmark, pod).Status!.Conditions, c => c.Type == ConditionSet.Ready).Message;

        Assert.Contains("selector. Check", message, StringComparison.Ordinal);
        Assert.DoesNotContain("..", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pod_whose_node_never_confirms_its_deletion_fails_the_benchmark_after_the_bound()
    {
        var benchmark = Scenario.Benchmark(status: Scenario.Decide(Scenario.Benchmark()).Status);
        var pod = KubeletPods.Terminating(KubeletPods.Running(KubeletPods.Created(benchmark)), Scenario.Now.UtcDateTime - Scenario.Options.TerminatingTimeout - TimeSpan.FromSeconds(1));

        var plan = Scenario.Decide(benchmark, pod, AgentLogs.Reading(AgentReports.LogWithRuns(AgentReports.SuccessfulRuns(2))));

        var ready = Assert.Single(plan.Status!.Conditions, c => c.Type == ConditionSet.Ready);
        Assert.Equal((BenchmarkPhase.Failed, "AgentPodLost"), (plan.Status.Phase, ready.Reason));
        Assert.NotNull(plan.ConfigMapToWrite);
    }

    [Fact]
    public void A_pod_being_deleted_within_the_bound_is_waited_for()
    {
        var benchmark = Scenario.Benchmark();
        var pod = KubeletPods.Terminating(KubeletPods.Running(KubeletPods.Created(benchmark)), Scenario.Now.UtcDateTime.AddSeconds(-30));

        var plan = Scenario.Decide(benchmark, pod);

        Assert.Equal("AgentPodTerminating", Assert.Single(plan.Status!.Conditions, c => c.Type == ConditionSet.Ready).Reason);
        Assert.Equal(Scenario.Options.TerminatingTimeout - TimeSpan.FromSeconds(30), plan.RequeueAfter);
    }
}
