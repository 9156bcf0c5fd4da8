using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

/// <summary>
/// Where the API server cannot reach the kubelet, pod logs fail while the termination message still
/// arrives in the pod's status: the verdict must come from it alone.
/// </summary>
public sealed class BenchmarkReconcilerLogUnavailableTests
{
    private const string DialError = "error dialing backend: dial tcp 10.0.0.7:10250: connect: connection refused";
    private static readonly DateTime FinishedAt = Scenario.Now.UtcDateTime.AddSeconds(-20);

    private static (ReconcilePlan Plan, BenchmarkResult Document) SucceededWithUnreadableLog(int runs = 3)
    {
        var benchmark = Scenario.Benchmark(Scenario.Spec with { Runs = runs });
        var document = AgentReports.Document(AgentReports.SuccessfulRuns(runs), runs);
        var termination = AgentReports.TerminationMessage(AgentOutcomes.Succeeded, null, $"{runs} of {runs} runs succeeded", document);
        var pod = KubeletPods.Succeeded(KubeletPods.Running(KubeletPods.Created(benchmark)), FinishedAt, termination);
        return (Scenario.Decide(benchmark, pod, AgentLogs.Unreadable(DialError)), document);
    }

    [Fact]
    public void A_succeeded_agent_whose_log_cannot_be_read_succeeds_from_its_termination_message()
    {
        var (plan, document) = SucceededWithUnreadableLog();

        var status = plan.Status!;
        Assert.Equal(BenchmarkPhase.Succeeded, status.Phase);
        Assert.Equal("3/3", status.Progress);
        Assert.Equal(3, status.Summary!.SuccessfulRuns);
        Assert.Equal(document.Summary.MedianDurationSeconds!.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), status.Summary.MedianSeconds);
        Assert.Equal(document.Image.Digest, status.Image!.Digest);
        var result = Assert.Single(status.Conditions, c => c.Type == ConditionSet.ResultComplete);
        Assert.Equal(("False", "PartialResult"), (result.Status, result.Reason));
        Assert.Contains(DialError, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_result_configmap_holds_what_is_known_and_is_marked_partial()
    {
        var (plan, document) = SucceededWithUnreadableLog();

        var configMap = plan.ConfigMapToWrite!;
        Assert.Equal("true", configMap.Metadata.Annotations[ResultConfigMapBuilder.PartialAnnotation]);
        var written = ResultJson.Deserialize(configMap.Data[ResultConfigMapBuilder.DocumentKey]);
        Assert.Equal(document.Runs.Select(r => r.DurationSeconds), written.Runs.Select(r => r.DurationSeconds));
        Assert.Equal(document.Summary.MedianDurationSeconds, written.Summary.MedianDurationSeconds);
        Assert.StartsWith(PartialResultBuilder.PartialNote, Assert.Single(written.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void An_agent_that_exited_after_a_failed_read_gets_one_more_read_before_a_verdict()
    {
        var benchmark = Scenario.Benchmark();
        var termination = AgentReports.TerminationMessage(AgentOutcomes.Succeeded, null, "5 of 5 runs succeeded", AgentReports.Document(AgentReports.SuccessfulRuns(5)));
        var pod = KubeletPods.Succeeded(KubeletPods.Running(KubeletPods.Created(benchmark)), FinishedAt, termination);

        var plan = Scenario.Decide(benchmark, pod, AgentLogs.UnreadableWhileRunning(DialError));

        Assert.Same(pod, plan.FollowLogsOf);
        Assert.Equal(BenchmarkPhase.Running, plan.Status!.Phase);
        Assert.Null(plan.ConfigMapToWrite);
    }

    [Fact]
    public void A_running_agent_whose_log_cannot_be_read_says_so_and_keeps_waiting()
    {
        var benchmark = Scenario.Benchmark();
        var pod = KubeletPods.Running(KubeletPods.Created(benchmark));

        var plan = Scenario.Decide(benchmark, pod, AgentLogs.UnreadableWhileRunning(DialError));

        Assert.Equal(BenchmarkPhase.Running, plan.Status!.Phase);
        Assert.Contains("termination message", Assert.Single(plan.Status.Conditions, c => c.Type == ConditionSet.Ready).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hundred_runs_survive_the_termination_message_into_the_partial_result()
    {
        var (plan, _) = SucceededWithUnreadableLog(runs: 100);

        var written = ResultJson.Deserialize(plan.ConfigMapToWrite!.Data[ResultConfigMapBuilder.DocumentKey]);
        Assert.Equal(100, written.Runs.Count);
        Assert.Equal("100/100", plan.Status!.Progress);
    }
}
