using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

/// <summary>Every run gets its RunCompleted event once, however the log and the termination message arrive.</summary>
public sealed class RunEventsTests
{
    private static readonly DateTime FinishedAt = Scenario.Now.UtcDateTime.AddSeconds(-5);

    [Fact]
    public void Runs_the_log_had_not_shown_when_the_agent_ended_get_their_events_from_the_termination_message_once()
    {
        var benchmark = Scenario.Benchmark();
        var runs = AgentReports.SuccessfulRuns(5);
        var document = AgentReports.Document(runs);
        var pod = KubeletPods.Succeeded(KubeletPods.Running(KubeletPods.Created(benchmark)), FinishedAt, AgentReports.TerminationMessage("Succeeded", null, "5 of 5 runs succeeded", document));

        // The pod's end is seen while the log follower has read 3 runs; the status already counts the termination message's 5.
        var early = Scenario.Decide(benchmark, pod, AgentLogs.Reading(AgentReports.LogWithRuns(runs.Take(3))));
        var later = Scenario.Decide(Scenario.After(benchmark, early), pod, AgentLogs.ReadToEnd([.. AgentReports.LogWithRuns(runs), AgentReports.ResultLine(document)]));

        Assert.Equal(5, early.Status!.CompletedRuns);
        Assert.Equal(["run 1/5: 3.100 s", "run 2/5: 3.010 s", "run 3/5: 3.300 s", "run 4/5: 3.120 s", "run 5/5: 3.200 s"], early.Events.Where(e => e.Reason == "RunCompleted").Select(e => e.Message));
        Assert.Equal(["Succeeded"], later.Events.Select(e => e.Reason));
    }

    [Fact]
    public void With_the_log_unreadable_every_run_gets_its_event_from_the_termination_message_and_a_failed_run_is_a_warning()
    {
        var benchmark = Scenario.Benchmark();
        var runs = AgentReports.SuccessfulRuns(5).Select(r => r.RunId == 2 ? r with { Status = "failed", Error = "apply failed" } : r).ToList();
        var document = AgentReports.Document(runs);
        var pod = KubeletPods.Succeeded(KubeletPods.Running(KubeletPods.Created(benchmark)), FinishedAt, AgentReports.TerminationMessage("Succeeded", null, "4 of 5 runs succeeded", document));

        var plan = Scenario.Decide(benchmark, pod, AgentLogs.Unreadable("the kubelet cannot be reached"));

        Assert.Equal(["RunCompleted", "RunFailed", "RunCompleted", "RunCompleted", "RunCompleted"], plan.Events.Where(e => e.Reason.StartsWith("Run", StringComparison.Ordinal)).Select(e => e.Reason));
        Assert.Equal("Warning", plan.Events.Single(e => e.Reason == "RunFailed").Type);
    }
}
