using k8s;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Integration.Support;
using UnpackBench.Testing;
using Xunit.Abstractions;

namespace UnpackBench.Operator.Tests.Integration;

/// <summary>Spec changes, deletion, and an agent pod that disappears mid-run.</summary>
public sealed class LifecycleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Changing_the_spec_replaces_the_agent_pod_and_starts_a_fresh_benchmark()
    {
        await using var cluster = await OperatorCluster.StartAsync(output);
        var image = await cluster.PushSlowAsync();
        cluster.StartOperator();
        var created = await cluster.CreateBenchmarkAsync("changing", cluster.Spec(image, runs: 5));
        var running = await cluster.WaitForBenchmarkAsync("changing", b => b.Status?.CompletedRuns >= 1, "a run to complete");

        running.Spec = running.Spec with { Runs = 2 };
        await cluster.Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(running, V1Alpha1UnpackBenchmark.Group, V1Alpha1UnpackBenchmark.Version, OperatorCluster.Namespace, V1Alpha1UnpackBenchmark.Plural, "changing");
        var done = await cluster.WaitForBenchmarkAsync("changing", b => b.Status is { ObservedGeneration: 2, Phase: BenchmarkPhase.Succeeded }, "generation 2 to succeed");

        Assert.Equal(2, done.Status!.CompletedRuns);
        Assert.Equal("2/2", done.Status.Progress);
        var pod = Assert.Single(await cluster.PodsAsync());
        Assert.Equal(ObjectNames.AgentPod(done), pod.Metadata.Name);
        Assert.Equal(created.Metadata.Uid, pod.Metadata.OwnerReferences.Single().Uid);
    }

    [Fact]
    public async Task Deleting_a_benchmark_takes_its_pod_configmap_and_agent_process_with_it()
    {
        await using var cluster = await OperatorCluster.StartAsync(output);
        var image = await cluster.PushSampleAsync();
        cluster.StartOperator();
        await cluster.CreateBenchmarkAsync("doomed", cluster.Spec(image, runs: 1));
        await cluster.WaitForPhaseAsync("doomed", BenchmarkPhase.Succeeded);
        Assert.NotNull(await cluster.ConfigMapAsync("doomed-result"));

        await cluster.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(V1Alpha1UnpackBenchmark.Group, V1Alpha1UnpackBenchmark.Version, OperatorCluster.Namespace, V1Alpha1UnpackBenchmark.Plural, "doomed");

        await Eventually.TrueAsync(async _ => (await cluster.PodsAsync()).Count == 0 && await cluster.ConfigMapAsync("doomed-result") is null, TimeSpan.FromSeconds(30), "owned objects to be garbage-collected");
    }

    [Fact]
    public async Task An_agent_pod_deleted_mid_run_fails_the_benchmark_and_keeps_the_completed_runs()
    {
        await using var cluster = await OperatorCluster.StartAsync(output);
        var image = await cluster.PushSlowAsync();
        cluster.StartOperator();
        await cluster.CreateBenchmarkAsync("lost", cluster.Spec(image, runs: 20));
        await cluster.WaitForBenchmarkAsync("lost", b => b.Status?.CompletedRuns >= 2, "two runs to complete");
        var agent = Assert.Single(await cluster.PodsAsync()).Metadata.Name;

        await cluster.Client.CoreV1.DeleteNamespacedPodAsync(agent, OperatorCluster.Namespace);
        var failed = await cluster.WaitForPhaseAsync("lost", BenchmarkPhase.Failed);

        var ready = failed.Status!.Conditions.Single(c => c.Type == "Ready");
        Assert.Equal("AgentPodLost", ready.Reason);
        Assert.Contains(agent, ready.Message, StringComparison.Ordinal);
        Assert.True(failed.Status.CompletedRuns >= 2);
        Assert.True(failed.Status.Summary!.SuccessfulRuns >= 2);
        var configMap = await cluster.ConfigMapAsync("lost-result");
        var document = Core.Results.ResultJson.Deserialize(configMap!.Data[ResultConfigMapBuilder.DocumentKey]);
        Assert.True(document.Runs.Count >= 2);
        await Eventually.TrueAsync(async _ => (await cluster.PodsAsync()).Count == 0, TimeSpan.FromSeconds(30), "the deleted pod to go");
    }
}
