using System.Globalization;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Kubernetes;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Integration.Support;
using Xunit.Abstractions;

namespace UnpackBench.Operator.Tests.Integration;

/// <summary>From <c>kubectl apply</c> to Succeeded: a real agent in a pod, real containerd, a real registry.</summary>
public sealed class EndToEndTests(ITestOutputHelper output)
{
    // With logs unavailable the API server cannot dial the kubelet (as behind firewalls or konnectivity):
    // the verdict and figures come from the termination message, and the result is marked partial.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_benchmark_goes_from_created_to_succeeded_with_real_unpack_numbers_in_status_and_configmap(bool logsUnavailable)
    {
        await using var cluster = await OperatorCluster.StartAsync(output, new OperatorClusterOptions { LogsUnavailable = logsUnavailable });
        var image = await cluster.PushSampleAsync();
        cluster.StartOperator();

        await cluster.CreateBenchmarkAsync("sample", cluster.Spec(image, runs: 3));
        var done = await cluster.WaitForPhaseAsync("sample", BenchmarkPhase.Succeeded);

        var status = done.Status!;
        Assert.Equal(1, status.ObservedGeneration);
        Assert.Equal(3, status.CompletedRuns);
        Assert.Equal("3/3", status.Progress);
        Assert.Equal("node-1", status.NodeName);
        Assert.NotNull(status.StartTime);
        Assert.NotNull(status.CompletionTime);
        Assert.Equal(3, status.Summary!.SuccessfulRuns);
        Assert.True(double.Parse(status.Summary.MedianSeconds!, CultureInfo.InvariantCulture) > 0);
        Assert.NotNull(status.Summary.ThroughputMBps);
        Assert.Equal(3, status.Image!.Layers);
        Assert.Equal(["Ready", "ResultComplete", "Succeeded"], status.Conditions.Select(c => c.Type).Order());
        Assert.All(status.Conditions.Where(c => c.Type != ConditionSet.ResultComplete), c => Assert.Equal("True", c.Status));
        var resultComplete = status.Conditions.Single(c => c.Type == ConditionSet.ResultComplete);
        Assert.Equal(logsUnavailable ? ("False", "PartialResult") : ("True", "AgentDocument"), (resultComplete.Status, resultComplete.Reason));
        Assert.Equal("sample-result", status.ResultConfigMap);

        var configMap = await cluster.ConfigMapAsync("sample-result");
        Assert.Equal(logsUnavailable ? "true" : "false", configMap!.Metadata.Annotations[ResultConfigMapBuilder.PartialAnnotation]);
        var document = ResultJson.Deserialize(configMap.Data[ResultConfigMapBuilder.DocumentKey]);
        Assert.Equal(3, document.Runs.Count);
        Assert.All(document.Runs, r => Assert.Equal(RunResult.Success, r.Status));
        Assert.Equal(image, document.BenchmarkConfig.TargetImage);
        Assert.Equal("node-1", document.Environment.Hostname);
        Assert.Equal(status.Summary.MedianSeconds, document.Summary.MedianDurationSeconds!.Value.ToString("0.000", CultureInfo.InvariantCulture));
        Assert.Equal(done.Metadata.Uid, configMap.Metadata.OwnerReferences.Single().Uid);
        Assert.Equal(logsUnavailable, document.Notes.Any(n => n.StartsWith(PartialResultBuilder.PartialNote, StringComparison.Ordinal)));

        // Every run is announced once: as the log reports it, or without a log from the termination message at the end.
        var events = await cluster.EventsAsync("sample");
        Assert.Equal(["Started", "RunCompleted", "RunCompleted", "RunCompleted", "Succeeded"], events.Select(e => e.Reason));
        var logReads = cluster.OperatorRequests("get", "pods/log");
        Assert.InRange(logReads, 1, logsUnavailable ? 2 * AgentLogFollowers.MaxFailures : 2);

        var pod = Assert.Single(await cluster.PodsAsync());
        Assert.False(pod.Spec.AutomountServiceAccountToken);
        Assert.True(pod.Spec.Containers[0].SecurityContext.Privileged);
        Assert.Equal("Succeeded", pod.Status.Phase);
    }
}
