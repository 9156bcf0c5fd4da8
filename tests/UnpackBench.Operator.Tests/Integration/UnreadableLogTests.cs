using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Kubernetes;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Integration.Support;
using Xunit.Abstractions;

namespace UnpackBench.Operator.Tests.Integration;

/// <summary>
/// Pod logs fail as on a cluster whose API server cannot dial its kubelets (firewalls, konnectivity, kubelet
/// certificates): the benchmark still succeeds, from the agent's termination message, and says its result is partial.
/// </summary>
public sealed class UnreadableLogTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_benchmark_whose_log_cannot_be_read_succeeds_with_a_partial_result_a_steady_progress_and_few_log_requests()
    {
        await using var cluster = await OperatorCluster.StartAsync(output, new OperatorClusterOptions { LogsUnavailable = true });
        var image = await cluster.PushSlowAsync();
        cluster.StartOperator();

        await cluster.CreateBenchmarkAsync("blind", cluster.Spec(image, runs: 2));
        var statuses = await StatusHistory.UntilFinishedAsync(cluster.Server, "blind", TimeSpan.FromSeconds(120));

        var done = statuses[^1];
        Assert.Equal((BenchmarkPhase.Succeeded, 2, "2/2"), (done.Phase, done.CompletedRuns, done.Progress));
        Assert.All(statuses, s => Assert.Equal($"{s.CompletedRuns}/{s.Runs}", s.Progress));
        Assert.Equal(statuses.Select(s => s.CompletedRuns).Order(), statuses.Select(s => s.CompletedRuns));
        Assert.Equal((2, 0), (done.Summary!.SuccessfulRuns, done.Summary.FailedRuns));
        var ready = done.Conditions.Single(c => c.Type == ConditionSet.Ready);
        Assert.Equal("BenchmarkSucceeded", ready.Reason);
        Assert.Contains("partial result", ready.Message, StringComparison.Ordinal);
        var resultComplete = done.Conditions.Single(c => c.Type == ConditionSet.ResultComplete);
        Assert.Equal(("False", "PartialResult"), (resultComplete.Status, resultComplete.Reason));
        Assert.Contains("10250", resultComplete.Message, StringComparison.Ordinal);

        var configMap = await cluster.ConfigMapAsync(done.ResultConfigMap!);
        Assert.Equal("true", configMap!.Metadata.Annotations[ResultConfigMapBuilder.PartialAnnotation]);
        var document = ResultJson.Deserialize(configMap.Data[ResultConfigMapBuilder.DocumentKey]);
        Assert.Equal([1, 2], document.Runs.Select(r => r.RunId));
        Assert.All(document.Runs, r => Assert.True(r.DurationSeconds > 0, $"run {r.RunId} has no duration"));
        Assert.Equal(done.Summary.MedianSeconds, document.Summary.MedianDurationSeconds!.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("sha256:", document.Image.Digest, StringComparison.Ordinal);

        // A few tries while the agent runs and as many once it exited; never a request per reconcile.
        Assert.InRange(cluster.OperatorRequests("get", "pods/log"), 1, 2 * AgentLogFollowers.MaxFailures);
    }
}
