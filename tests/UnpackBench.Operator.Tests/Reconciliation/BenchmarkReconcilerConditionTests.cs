using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

/// <summary>The Ready and Succeeded conditions through a benchmark's life, as the reconciler writes them.</summary>
public sealed class BenchmarkReconcilerConditionTests
{
    private static BenchmarkCondition Condition(UnpackBenchmarkStatus status, string type) => Assert.Single(status.Conditions, c => c.Type == type);

    private static ReconcilePlan Decide(string stage)
    {
        var benchmark = Scenario.Benchmark();
        var pod = KubeletPods.Created(benchmark);
        var runs = AgentReports.SuccessfulRuns(5);
        return stage switch
        {
            "no pod" => Scenario.Decide(benchmark),
            "pod pending" => Scenario.Decide(benchmark, pod),
            "agent running" => Scenario.Decide(benchmark, KubeletPods.Running(pod), AgentLogs.Reading(AgentReports.LogWithRuns(runs.Take(2)))),
            "agent succeeded" => Scenario.Decide(benchmark, KubeletPods.Succeeded(pod, Scenario.Now.UtcDateTime), AgentLogs.ReadToEnd([.. AgentReports.LogWithRuns(runs), AgentReports.ResultLine(AgentReports.Document(runs))])),
            "agent failed" => Scenario.Decide(benchmark, KubeletPods.Failed(pod, Scenario.Now.UtcDateTime), AgentLogs.ReadToEnd([AgentReports.FailedLine("ImageNotFound", "manifest unknown")])),
            _ => throw new ArgumentException(stage, nameof(stage)),
        };
    }

    [Theory]
    [InlineData("no pod", BenchmarkPhase.Pending, "False", "Unknown")]
    [InlineData("pod pending", BenchmarkPhase.Pending, "False", "Unknown")]
    [InlineData("agent running", BenchmarkPhase.Running, "False", "Unknown")]
    [InlineData("agent succeeded", BenchmarkPhase.Succeeded, "True", "True")]
    [InlineData("agent failed", BenchmarkPhase.Failed, "False", "False")]
    public void Ready_and_Succeeded_follow_the_phase(string stage, string phase, string ready, string succeeded)
    {
        var status = Decide(stage).Status!;

        Assert.Equal(phase, status.Phase);
        Assert.Equal(ready, Condition(status, ConditionSet.Ready).Status);
        Assert.Equal(succeeded, Condition(status, ConditionSet.Succeeded).Status);
        // A finished benchmark with a result ConfigMap also says whether it holds the agent's full document;
        // a failed one is Stalled, so kstatus reads it as Failed rather than still in progress.
        Assert.Equal(2 + (status.ResultConfigMap is null ? 0 : 1) + (phase == BenchmarkPhase.Failed ? 1 : 0), status.Conditions.Count);
    }

    [Fact]
    public void The_transition_time_stays_while_a_condition_keeps_its_status_and_moves_when_it_changes()
    {
        var t0 = Scenario.Now.AddMinutes(-10);
        var t1 = Scenario.Now.AddMinutes(-5);
        var benchmark = Scenario.Benchmark();
        var runs = AgentReports.SuccessfulRuns(5);

        var created = Scenario.After(benchmark, Scenario.Decide(benchmark, now: t0));
        var running = Scenario.After(created, Scenario.Decide(created, KubeletPods.Running(KubeletPods.Created(benchmark)), AgentLogs.Reading(AgentReports.LogWithRuns(runs.Take(1))), t1));
        var succeeded = Scenario.Decide(running, KubeletPods.Succeeded(KubeletPods.Created(benchmark), Scenario.Now.UtcDateTime), AgentLogs.ReadToEnd([.. AgentReports.LogWithRuns(runs), AgentReports.ResultLine(AgentReports.Document(runs))])).Status!;

        Assert.All(running.Status!.Conditions, c => Assert.Equal(t0, c.LastTransitionTime));
        Assert.All(running.Status.Conditions, c => Assert.Equal("Running", c.Reason));
        Assert.All(succeeded.Conditions, c => Assert.Equal(Scenario.Now, c.LastTransitionTime));
        Assert.All(succeeded.Conditions.Where(c => c.Type != ConditionSet.ResultComplete), c => Assert.Equal("BenchmarkSucceeded", c.Reason));
    }

    [Fact]
    public void Observed_generation_is_set_on_the_status_and_its_conditions()
    {
        var status = Scenario.Decide(Scenario.Benchmark(generation: 7)).Status!;

        Assert.Equal(7, status.ObservedGeneration);
        Assert.All(status.Conditions, c => Assert.Equal(7, c.ObservedGeneration));
    }

    [Fact]
    public void Times_are_whole_seconds_as_the_api_stores_them()
    {
        var status = Scenario.Decide(Scenario.Benchmark(), now: Scenario.Now.AddMilliseconds(987)).Status!;

        Assert.All(status.Conditions, c => Assert.Equal(Scenario.Now, c.LastTransitionTime));
    }
}
