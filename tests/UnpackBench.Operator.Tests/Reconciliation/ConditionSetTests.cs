using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

public sealed class ConditionSetTests
{
    private static readonly DateTimeOffset Earlier = Scenario.Now.AddMinutes(-10);

    private static BenchmarkCondition Condition(IReadOnlyList<BenchmarkCondition> conditions, string type) => Assert.Single(conditions, c => c.Type == type);

    [Theory]
    [InlineData(BenchmarkPhase.Pending, "False", "Unknown", null)]
    [InlineData(BenchmarkPhase.Running, "False", "Unknown", null)]
    [InlineData(BenchmarkPhase.Succeeded, "True", "True", null)]
    [InlineData(BenchmarkPhase.PartiallySucceeded, "True", "True", null)]
    [InlineData(BenchmarkPhase.Failed, "False", "False", "True")]
    public void Ready_Succeeded_and_Stalled_follow_the_phase(string phase, string ready, string succeeded, string? stalled)
    {
        var conditions = ConditionSet.For(phase, "SomeReason", "a message", 3, [], Scenario.Now);

        Assert.Equal(stalled is null ? 2 : 3, conditions.Count);
        Assert.Equal(ready, Condition(conditions, ConditionSet.Ready).Status);
        Assert.Equal(succeeded, Condition(conditions, ConditionSet.Succeeded).Status);
        Assert.Equal(stalled, conditions.SingleOrDefault(c => c.Type == ConditionSet.Stalled)?.Status);
        Assert.All(conditions, c => Assert.Equal(("SomeReason", "a message", 3L, Scenario.Now), (c.Reason, c.Message, c.ObservedGeneration, c.LastTransitionTime)));
    }

    [Fact]
    public void The_transition_time_stays_while_a_condition_keeps_its_status()
    {
        var pending = ConditionSet.For(BenchmarkPhase.Pending, "AgentPodCreated", "created", 1, [], Earlier);

        var running = ConditionSet.For(BenchmarkPhase.Running, "Running", "2 of 5 runs done", 1, pending, Scenario.Now);

        Assert.All(running, c => Assert.Equal(Earlier, c.LastTransitionTime));
        Assert.All(running, c => Assert.Equal(("Running", "2 of 5 runs done"), (c.Reason, c.Message)));
    }

    [Fact]
    public void The_transition_time_moves_when_a_condition_changes_its_status()
    {
        var running = ConditionSet.For(BenchmarkPhase.Running, "Running", "running", 1, [], Earlier);

        var failed = ConditionSet.For(BenchmarkPhase.Failed, "ImageNotFound", "manifest unknown", 1, running, Scenario.Now);

        Assert.Equal(Earlier, Condition(failed, ConditionSet.Ready).LastTransitionTime); // False before and after
        Assert.Equal(Scenario.Now, Condition(failed, ConditionSet.Succeeded).LastTransitionTime); // Unknown to False
    }

    [Fact]
    public void Conditions_carry_the_generation_they_were_computed_from()
    {
        var first = ConditionSet.For(BenchmarkPhase.Succeeded, "BenchmarkSucceeded", "done", 1, [], Earlier);

        var second = ConditionSet.For(BenchmarkPhase.Pending, "AgentPodCreated", "created", 2, first, Scenario.Now);

        Assert.All(second, c => Assert.Equal(2, c.ObservedGeneration));
        Assert.All(second, c => Assert.Equal(Scenario.Now, c.LastTransitionTime));
    }

    [Fact]
    public void Conditions_of_other_types_are_not_mistaken_for_ours()
    {
        var foreign = new BenchmarkCondition { Type = "Progressing", Status = "False", LastTransitionTime = Earlier };

        var conditions = ConditionSet.For(BenchmarkPhase.Pending, "AgentPodCreated", "created", 1, [foreign], Scenario.Now);

        Assert.All(conditions, c => Assert.Equal(Scenario.Now, c.LastTransitionTime));
        Assert.DoesNotContain(conditions, c => c.Type == "Progressing");
    }
}
