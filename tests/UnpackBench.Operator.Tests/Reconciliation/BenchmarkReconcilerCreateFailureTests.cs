using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

/// <summary>A pod create the API server refuses is reported with its words, and tried again with a capped backoff.</summary>
public sealed class BenchmarkReconcilerCreateFailureTests
{
    private const string PodSecurity = "pods \"python-agent-g1-6f1c2a\" is forbidden: violates PodSecurity \"baseline:latest\": privileged (container \"agent\" must not set securityContext.privileged=true)";

    private static ReconcilePlan Decide(PodCreateFailure failure, DateTimeOffset? now = null) =>
        BenchmarkReconciler.Decide(new ObservedBenchmark(Scenario.Benchmark(), [], null, AgentProgress.Empty, now ?? Scenario.Now, failure), Scenario.Options);

    [Fact]
    public void A_refused_pod_sets_a_condition_with_the_api_message_and_records_a_warning()
    {
        var plan = Decide(new PodCreateFailure(1, 403, "AgentPodForbidden", PodSecurity, 1, Scenario.Now.AddSeconds(-1)));

        var ready = Assert.Single(plan.Status!.Conditions, c => c.Type == ConditionSet.Ready);
        Assert.Equal((BenchmarkPhase.Pending, "AgentPodForbidden"), (plan.Status.Phase, ready.Reason));
        Assert.Contains(PodSecurity, ready.Message, StringComparison.Ordinal);
        Assert.Contains(plan.Events, e => e is { Type: "Warning", Reason: "AgentPodForbidden" });
        Assert.Null(plan.PodToCreate);
        Assert.Equal(TimeSpan.FromSeconds(9), plan.RequeueAfter);
    }

    [Fact]
    public void After_the_backoff_the_pod_is_tried_again()
    {
        var plan = Decide(new PodCreateFailure(1, 422, "AgentPodInvalid", "must be less than or equal to cpu limit", 1, Scenario.Now.AddSeconds(-10)));

        Assert.NotNull(plan.PodToCreate);
        Assert.Equal("AgentPodInvalid", Assert.Single(plan.Status!.Conditions, c => c.Type == ConditionSet.Ready).Reason);
    }

    [Fact]
    public void A_refused_pod_is_not_taken_for_a_lost_one_by_the_next_reconcile_nor_after_a_restart()
    {
        var failure = new PodCreateFailure(1, 403, "AgentPodForbidden", PodSecurity, 1, Scenario.Now);
        var refused = Scenario.After(Scenario.Benchmark(), Decide(failure));

        var next = BenchmarkReconciler.Decide(new ObservedBenchmark(refused, [], null, AgentProgress.Empty, Scenario.Now.AddSeconds(1), failure), Scenario.Options);
        var restarted = Scenario.Decide(refused, now: Scenario.Now.AddSeconds(1));

        Assert.Equal((BenchmarkPhase.Pending, "AgentPodForbidden"), (next.Status!.Phase, Assert.Single(next.Status.Conditions, c => c.Type == ConditionSet.Ready).Reason));
        Assert.Null(next.PodToCreate);
        Assert.Equal(BenchmarkPhase.Pending, restarted.Status!.Phase);
        Assert.NotNull(restarted.PodToCreate);
        Assert.All(refused.Status!.Nodes, n => Assert.Equal("", n.AgentPod));
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(5, 160)]
    [InlineData(6, 300)]
    [InlineData(40, 300)]
    public void The_backoff_doubles_up_to_five_minutes(int attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), new PodCreateFailure(1, 403, "AgentPodForbidden", "no", attempts, Scenario.Now).RetryAfter);
    }

    [Fact]
    public void A_refusal_of_an_older_generation_does_not_hold_up_a_new_one()
    {
        var plan = BenchmarkReconciler.Decide(
            new ObservedBenchmark(Scenario.Benchmark(generation: 2), [], null, AgentProgress.Empty, Scenario.Now, new PodCreateFailure(1, 403, "AgentPodForbidden", PodSecurity, 3, Scenario.Now)),
            Scenario.Options);

        Assert.NotNull(plan.PodToCreate);
        Assert.Equal("AgentPodPending", Assert.Single(plan.Status!.Conditions, c => c.Type == ConditionSet.Ready).Reason);
    }
}
