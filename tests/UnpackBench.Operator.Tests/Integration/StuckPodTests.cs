using k8s;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Integration.Support;
using Xunit.Abstractions;

namespace UnpackBench.Operator.Tests.Integration;

/// <summary>
/// Agent pods that would wait forever on a real cluster — bound to a node that does not exist, or deleted on a
/// node that no longer answers (the API server never ends a grace period by itself) — fail the benchmark after
/// the operator's timeouts, with a reason that says which.
/// </summary>
public sealed class StuckPodTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_benchmark_pinned_to_a_node_that_does_not_exist_fails_with_NodeNotFound_after_the_timeout()
    {
        await using var cluster = await OperatorCluster.StartAsync(output);
        var image = await cluster.PushSampleAsync();
        var options = OperatorCluster.Options();
        cluster.StartOperator(options);

        await cluster.CreateBenchmarkAsync("ghost", cluster.Spec(image, runs: 1) with { NodeName = "node-9" });
        var failed = await cluster.WaitForPhaseAsync("ghost", BenchmarkPhase.Failed);

        var ready = failed.Status!.Conditions.Single(c => c.Type == ConditionSet.Ready);
        Assert.Equal("NodeNotFound", ready.Reason);
        Assert.Contains("bound to node node-9, but no kubelet has started it: check that node node-9 exists and is Ready (spec.nodeName)", ready.Message, StringComparison.Ordinal);
        Assert.Contains($"gave up after {options.UnschedulableTimeout.TotalSeconds:0} s", ready.Message, StringComparison.Ordinal);
        // Its deletion waits for a kubelet that will never come (kube-controller-manager's pod GC ends it on a real cluster).
        var pod = Assert.Single(await cluster.PodsAsync());
        Assert.NotNull(pod.Metadata.DeletionTimestamp);
        Assert.Equal(0, cluster.Server.RequestLog.Count("get", "pods/log"));
    }

    [Fact]
    public async Task An_agent_pod_deleted_on_a_lost_node_fails_with_AgentPodLost_after_the_terminating_timeout_and_keeps_the_runs()
    {
        await using var cluster = await OperatorCluster.StartAsync(output);
        var image = await cluster.PushSlowAsync();
        var options = OperatorCluster.Options() with { TerminatingTimeout = TimeSpan.FromSeconds(3) };
        cluster.StartOperator(options);
        await cluster.CreateBenchmarkAsync("stranded", cluster.Spec(image, runs: 20));
        await cluster.WaitForBenchmarkAsync("stranded", b => b.Status?.CompletedRuns >= 1, "a run to complete");
        var agent = Assert.Single(await cluster.PodsAsync()).Metadata.Name;

        // The node goes away with its agent; then the pod is deleted, as taint-based eviction does for unreachable
        // nodes. The timeout counts from the end of the grace period (the deletionTimestamp): a short grace keeps the test short.
        await cluster.Kubelets[0].StopAsync(killWorkloads: true);
        await cluster.Client.CoreV1.DeleteNamespacedPodAsync(agent, OperatorCluster.Namespace, gracePeriodSeconds: 1);
        var statuses = await StatusHistory.UntilFinishedAsync(cluster.Server, "stranded", TimeSpan.FromSeconds(60));
        var failed = await cluster.ReadBenchmarkAsync("stranded");

        Assert.Contains(statuses, s => s.Phase == BenchmarkPhase.Running && s.Conditions.Any(c => c.Reason == "AgentPodTerminating"));
        var ready = failed!.Status!.Conditions.Single(c => c.Type == ConditionSet.Ready);
        Assert.Equal("AgentPodLost", ready.Reason);
        Assert.Contains($"agent pod {agent} was deleted but its node (node-1) has not confirmed it stopped within 3 s", ready.Message, StringComparison.Ordinal);
        Assert.Equal(BenchmarkPhase.Failed, failed.Status.Phase);
        Assert.True(failed.Status.CompletedRuns >= 1);
        var configMap = await cluster.ConfigMapAsync(failed.Status.ResultConfigMap!);
        Assert.Equal("true", configMap!.Metadata.Annotations[ResultConfigMapBuilder.PartialAnnotation]);
        Assert.Equal(failed.Status.CompletedRuns, ResultJson.Deserialize(configMap.Data[ResultConfigMapBuilder.DocumentKey]).Runs.Count);
        Assert.NotNull(Assert.Single(await cluster.PodsAsync()).Metadata.DeletionTimestamp);
    }
}
