using System.Globalization;
using k8s;
using k8s.Models;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Integration.Support;
using UnpackBench.Testing;
using Xunit.Abstractions;

namespace UnpackBench.Operator.Tests.Integration;

/// <summary>
/// Surveys on test kubelets running the real agent against real containerd: which nodes, how many agent
/// pods at once (from the API server's watch of pods), rows and summary, a node lost mid-survey, and a
/// spec changed mid-survey. Lean: tiny images, few runs.
/// </summary>
public sealed class SurveyTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> PoolA = new() { ["pool"] = "a", ["node.kubernetes.io/instance-type"] = "test.small", ["topology.kubernetes.io/zone"] = "zone-1" };

    private static UnpackBenchmarkSpec Survey(OperatorCluster cluster, string image, int runs, int maxParallel) =>
        cluster.Spec(image, runs) with { Placement = BenchmarkPlacement.EachNode, MaxParallelNodes = maxParallel, NodeSelector = new Dictionary<string, string> { ["pool"] = "a" } };

    [Fact]
    public async Task A_survey_runs_on_exactly_the_matching_ready_nodes_with_at_most_max_parallel_agent_pods_and_sums_them_up()
    {
        await using var cluster = await OperatorCluster.StartAsync(output, new OperatorClusterOptions { Nodes = 0, Rbac = true });
        foreach (var name in new[] { "node-1", "node-2", "node-3" })
        {
            await cluster.AddNodeAsync(name, PoolA);
        }

        await cluster.AddNodeAsync("node-4", PoolA, [new V1Taint { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" }]);
        await cluster.AddNodeAsync("node-5", PoolA);
        await cluster.CordonAsync("node-5");
        var notReady = await cluster.AddNodeAsync("node-6", PoolA);
        await notReady.SetReadyAsync(false);
        await cluster.AddNodeAsync("node-7", new Dictionary<string, string> { ["pool"] = "b" });
        var image = await cluster.PushSampleAsync();
        await using var pods = await PodWatchHistory.StartAsync(cluster.Client, OperatorCluster.Namespace);
        cluster.StartOperator();

        await cluster.CreateBenchmarkAsync("fleet", Survey(cluster, image, runs: 1, maxParallel: 2) with { Snapshotters = ["overlayfs", "native"] });
        var done = await cluster.WaitForPhaseAsync("fleet", BenchmarkPhase.Succeeded, TimeSpan.FromMinutes(3));

        var status = done.Status!;
        Assert.Equal(
            [("node-1", "overlayfs"), ("node-1", "native"), ("node-2", "overlayfs"), ("node-2", "native"), ("node-3", "overlayfs"), ("node-3", "native")],
            status.Nodes.Select(r => (r.NodeName!, r.Snapshotter!)));
        Assert.Equal([("node-4", "Tainted"), ("node-5", "Cordoned"), ("node-6", "NotReady")], status.Survey!.SkippedNodes.Select(s => (s.NodeName, s.Reason)));
        Assert.Equal(2, pods.MostAtOnce);
        Assert.Equal(1, pods.MostOnOneNodeAtOnce);
        Assert.Equal(["node-1", "node-2", "node-3"], pods.PinnedNodes.Values.Order());

        Assert.All(status.Nodes, row =>
        {
            Assert.Equal((BenchmarkPhase.Succeeded, "test.small", "zone-1"), (row.Phase, row.InstanceType, row.Zone));
            Assert.True(double.Parse(row.MedianSeconds!, CultureInfo.InvariantCulture) > 0);
            Assert.NotNull(row.ThroughputMBps);
            Assert.False(string.IsNullOrEmpty(row.Kernel));
            Assert.False(string.IsNullOrEmpty(row.ContainerdVersion));
        });
        var survey = status.Survey;
        Assert.Equal((3, 3, 0, 3, "3/3"), (survey.Nodes, survey.Succeeded, survey.Failed, survey.Skipped, survey.Progress));
        var medians = status.Nodes.Select(r => double.Parse(r.MedianSeconds!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(medians.Min(), double.Parse(survey.Fastest!.MedianSeconds, CultureInfo.InvariantCulture));
        Assert.Equal(medians.Max(), double.Parse(survey.Slowest!.MedianSeconds, CultureInfo.InvariantCulture));
        Assert.Equal((medians.Max() / medians.Min()).ToString("0.00", CultureInfo.InvariantCulture), survey.Spread);
        Assert.Equal("True", status.Conditions.Single(c => c.Type == ConditionSet.AllNodesSucceeded).Status);

        var index = SurveyIndex.Deserialize((await cluster.ConfigMapAsync("fleet-result"))!.Data[SurveyIndex.DataKey]);
        Assert.Equal(6, index.Rows.Count);
        foreach (var row in status.Nodes.Where(r => r.Snapshotter == "native"))
        {
            var configMap = await cluster.ConfigMapAsync(row.ResultConfigMap!);
            var document = ResultJson.Deserialize(configMap!.Data[ResultConfigMapBuilder.DocumentKey]);
            Assert.Equal(row.NodeName, document.Environment.Hostname);
            Assert.Equal(["overlayfs", "native"], document.Variants!.Select(v => v.Snapshotter));
            Assert.Equal(done.Metadata.Uid, configMap.Metadata.OwnerReferences.Single().Uid);
        }

        await Eventually.TrueAsync(async _ => (await cluster.PodsAsync()).Count == 0, TimeSpan.FromSeconds(30), "every agent pod to be deleted once its node's result was saved");
    }

    [Fact]
    public async Task A_node_removed_mid_survey_fails_its_rows_and_the_survey_ends_partially_succeeded()
    {
        await using var cluster = await OperatorCluster.StartAsync(output, new OperatorClusterOptions { Nodes = 0, Rbac = true });
        var kubelets = new List<Testing.Kubernetes.Node.TestKubelet>();
        foreach (var name in new[] { "node-1", "node-2", "node-3" })
        {
            kubelets.Add(await cluster.AddNodeAsync(name, PoolA));
        }

        var image = await cluster.PushSlowAsync();
        cluster.StartOperator();
        await cluster.CreateBenchmarkAsync("losing", Survey(cluster, image, runs: 8, maxParallel: 3));
        await cluster.WaitForBenchmarkAsync("losing", b => b.Status?.Nodes.Any(r => r is { NodeName: "node-2", Phase: BenchmarkPhase.Running, CompletedRuns: >= 1 }) == true, "node-2's agent to complete a run", TimeSpan.FromMinutes(2));

        await kubelets[1].StopAsync(killWorkloads: true);
        await cluster.Client.CoreV1.DeleteNodeAsync("node-2");
        var done = await cluster.WaitForBenchmarkAsync("losing", b => BenchmarkPhase.IsFinished(b.Status?.Phase), "the survey to end", TimeSpan.FromMinutes(3));

        var status = done.Status!;
        Assert.Equal(BenchmarkPhase.PartiallySucceeded, status.Phase);
        var lost = status.Nodes.Single(r => r.NodeName == "node-2");
        Assert.Equal((BenchmarkPhase.Failed, "NodeLost"), (lost.Phase, lost.Reason));
        Assert.Contains("node node-2 was deleted", lost.Message, StringComparison.Ordinal);
        Assert.True(lost.CompletedRuns >= 1);
        Assert.All(status.Nodes.Where(r => r.NodeName != "node-2"), r => Assert.Equal(BenchmarkPhase.Succeeded, r.Phase));
        Assert.Equal((2, 1), (status.Survey!.Succeeded, status.Survey.Failed));
        var allNodes = status.Conditions.Single(c => c.Type == ConditionSet.AllNodesSucceeded);
        Assert.Equal(("False", "NodesFailed"), (allNodes.Status, allNodes.Reason));
        Assert.Equal("True", status.Conditions.Single(c => c.Type == ConditionSet.Ready).Status);
        Assert.Equal("true", (await cluster.ConfigMapAsync(lost.ResultConfigMap!))!.Metadata.Annotations[ResultConfigMapBuilder.PartialAnnotation]);
        await Eventually.TrueAsync(async _ => (await cluster.PodsAsync()).Count == 0, TimeSpan.FromSeconds(30), "every agent pod to go, the lost node's too");
    }

    [Fact]
    public async Task A_spec_change_mid_survey_restarts_it_and_no_row_of_the_old_generation_shows_with_the_new()
    {
        await using var cluster = await OperatorCluster.StartAsync(output, new OperatorClusterOptions { Nodes = 0, Rbac = true });
        await cluster.AddNodeAsync("node-1", PoolA);
        await cluster.AddNodeAsync("node-2", PoolA);
        var image = await cluster.PushSlowAsync();
        await using var pods = await PodWatchHistory.StartAsync(cluster.Client, OperatorCluster.Namespace);
        cluster.StartOperator();
        await cluster.CreateBenchmarkAsync("moving", Survey(cluster, image, runs: 20, maxParallel: 2));
        await cluster.WaitForBenchmarkAsync("moving", b => b.Status?.Nodes.Any(r => r.CompletedRuns >= 1) == true, "a run to complete", TimeSpan.FromMinutes(2));

        await cluster.ReplaceSpecAsync("moving", spec => spec with { Runs = 1 });
        var seen = new List<UnpackBenchmarkStatus>();
        var done = await cluster.WaitForBenchmarkAsync(
            "moving",
            b =>
            {
                if (b.Status is { ObservedGeneration: 2 } status)
                {
                    seen.Add(status);
                }

                return b.Status is { ObservedGeneration: 2, Phase: BenchmarkPhase.Succeeded };
            },
            "generation 2 to succeed",
            TimeSpan.FromMinutes(3));

        Assert.All(done.Status!.Nodes, r => Assert.Equal((BenchmarkPhase.Succeeded, 1), (r.Phase, r.CompletedRuns)));
        Assert.Equal("2/2", done.Status.Progress);
        Assert.All(seen.SelectMany(s => s.Nodes), r => Assert.True(r.AgentPod.Length == 0 || r.AgentPod.Contains("-g2-", StringComparison.Ordinal), $"a generation-2 status shows {r.AgentPod}"));
        Assert.True(pods.MostAtOnce <= 2, $"{pods.MostAtOnce} agent pods existed at once across the restart");
        Assert.Contains(pods.PinnedNodes.Keys, name => name.Contains("-g1-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_evicted_agent_pod_is_retried_once_on_its_node()
    {
        await using var cluster = await OperatorCluster.StartAsync(output, new OperatorClusterOptions { Nodes = 0, Rbac = true });
        var kubelet = await cluster.AddNodeAsync("node-1", PoolA);
        var image = await cluster.PushSlowAsync();
        cluster.StartOperator();
        await cluster.CreateBenchmarkAsync("evicted", Survey(cluster, image, runs: 20, maxParallel: 1));
        var running = await cluster.WaitForBenchmarkAsync("evicted", b => b.Status?.Nodes.Any(r => r.CompletedRuns >= 1) == true, "a run to complete", TimeSpan.FromMinutes(2));

        kubelet.Evict(OperatorCluster.Namespace, running.Status!.Nodes[0].AgentPod);
        await cluster.WaitForBenchmarkAsync("evicted", b => b.Status?.Nodes[0] is { Attempts: 2, Phase: BenchmarkPhase.Running }, "the second agent pod to run", TimeSpan.FromMinutes(2));
        await cluster.ReplaceSpecAsync("evicted", spec => spec with { Runs = 1 });
        var done = await cluster.WaitForPhaseAsync("evicted", BenchmarkPhase.Succeeded, TimeSpan.FromMinutes(2));

        Assert.Equal(2, done.Metadata.Generation);
        var events = await cluster.EventsAsync("evicted");
        Assert.Contains(events, e => e.Reason == EventReasons.AgentPodEvicted && e.Message.Contains("node node-1", StringComparison.Ordinal));
    }
}
