using k8s;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Integration.Support;
using UnpackBench.Testing;
using UnpackBench.Testing.Kubernetes;
using Xunit.Abstractions;

namespace UnpackBench.Operator.Tests.Integration;

/// <summary>
/// Deleting benchmarks where kube-controller-manager's garbage collector is prompt, lags, or does not run at
/// all: the operator itself removes what a benchmark owned and never mistakes a namesake's objects for its own.
/// </summary>
public sealed class DeletionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(GarbageCollectionMode.Off)]
    [InlineData(GarbageCollectionMode.Delayed)]
    [InlineData(GarbageCollectionMode.Prompt)]
    public async Task A_benchmark_deleted_mid_run_and_recreated_at_once_under_its_name_succeeds(GarbageCollectionMode collector)
    {
        await using var cluster = await OperatorCluster.StartAsync(output, new OperatorClusterOptions { GarbageCollection = collector });
        var image = await cluster.PushSlowAsync();
        cluster.StartOperator();
        var old = await cluster.CreateBenchmarkAsync("dup", cluster.Spec(image, runs: 20));
        await cluster.WaitForBenchmarkAsync("dup", b => b.Status?.Phase == BenchmarkPhase.Running, "the first agent to run");

        await DeleteAsync(cluster, "dup");
        // The finalizer holds the name until the operator has stopped the first agent: re-create the moment it is free.
        await cluster.Server.Store.WaitUntilAsync(s => s.Get(V1Alpha1UnpackBenchmark.Plural, OperatorCluster.Namespace, "dup") is null, TimeSpan.FromSeconds(30));
        var renewed = await cluster.CreateBenchmarkAsync("dup", cluster.Spec(image, runs: 1));
        var done = await cluster.WaitForPhaseAsync("dup", BenchmarkPhase.Succeeded, TimeSpan.FromSeconds(90));

        Assert.Equal(renewed.Metadata.Uid, done.Metadata.Uid);
        Assert.Equal("1/1", done.Status!.Progress);
        await Eventually.TrueAsync(async _ => (await cluster.PodsAsync()).All(p => p.Metadata.OwnerReferences.Single().Uid != old.Metadata.Uid), TimeSpan.FromSeconds(60), "the first agent's pod to go");
        var pod = Assert.Single(await cluster.PodsAsync());
        Assert.Equal(ObjectNames.AgentPod(done), pod.Metadata.Name);
        Assert.Equal(renewed.Metadata.Uid, (await cluster.ConfigMapAsync("dup-result"))!.Metadata.OwnerReferences.Single().Uid);
    }

    [Fact]
    public async Task A_finished_benchmark_deleted_where_no_garbage_collector_runs_takes_its_pod_and_configmap_with_it()
    {
        await using var cluster = await OperatorCluster.StartAsync(output, new OperatorClusterOptions { GarbageCollection = GarbageCollectionMode.Off });
        var image = await cluster.PushSampleAsync();
        cluster.StartOperator();
        await cluster.CreateBenchmarkAsync("done", cluster.Spec(image, runs: 1));
        await cluster.WaitForPhaseAsync("done", BenchmarkPhase.Succeeded);
        Assert.NotNull(await cluster.ConfigMapAsync("done-result"));
        Assert.Single(await cluster.PodsAsync());

        await DeleteAsync(cluster, "done");

        await cluster.Server.Store.WaitUntilAsync(
            s => s.List("pods", OperatorCluster.Namespace).Count == 0 && s.Get("configmaps", OperatorCluster.Namespace, "done-result") is null,
            TimeSpan.FromSeconds(30));
        Assert.Equal(1, cluster.OperatorRequests("delete", "pods"));
        Assert.Equal(1, cluster.OperatorRequests("delete", "configmaps"));
    }

    private static Task<object> DeleteAsync(OperatorCluster cluster, string name) =>
        cluster.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(V1Alpha1UnpackBenchmark.Group, V1Alpha1UnpackBenchmark.Version, OperatorCluster.Namespace, V1Alpha1UnpackBenchmark.Plural, name);
}
