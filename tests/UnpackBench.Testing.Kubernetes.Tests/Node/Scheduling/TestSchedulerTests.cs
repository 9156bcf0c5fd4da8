using k8s;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Node.Support;

namespace UnpackBench.Testing.Kubernetes.Tests.Node.Scheduling;

/// <summary>The scheduler binds pods to fitting Node objects through the API, or says why none fits.</summary>
public sealed class TestSchedulerTests
{
    [Fact]
    public async Task A_pod_is_bound_to_the_node_its_selector_matches()
    {
        await using var cluster = await NodeCluster.StartAsync();
        await CreateNodeAsync(cluster, "ssd-node", labels: new() { ["disk"] = "ssd" });
        await CreateNodeAsync(cluster, "hdd-node", labels: new() { ["disk"] = "hdd" });
        var pod = TestPods.Shell("p", "true");
        pod.Spec.NodeSelector = new Dictionary<string, string> { ["disk"] = "ssd" };

        await cluster.CreatePodAsync(pod);

        var bound = await cluster.WaitForPodAsync("p", p => p.Spec.NodeName is not null, "to be bound");
        Assert.Equal("ssd-node", bound.Spec.NodeName);
        Assert.Equal("True", bound.Status.Conditions.Single(c => c.Type == "PodScheduled").Status);
    }

    [Fact]
    public async Task A_taint_keeps_pods_away_unless_they_tolerate_it()
    {
        await using var cluster = await NodeCluster.StartAsync();
        await CreateNodeAsync(cluster, "gpu-node", taints: [new V1Taint { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" }]);
        await CreateNodeAsync(cluster, "plain-node", labels: new() { ["pool"] = "plain" });
        var tolerating = TestPods.Shell("tolerating", "true");
        tolerating.Spec.NodeSelector = new Dictionary<string, string> { ["kubernetes.io/hostname"] = "gpu-node" };
        tolerating.Spec.Tolerations = [new V1Toleration { Key = "dedicated", OperatorProperty = "Equal", Value = "gpu" }];
        var plain = TestPods.Shell("plain", "true");

        await cluster.CreatePodAsync(tolerating);
        await cluster.CreatePodAsync(plain);

        Assert.Equal("gpu-node", (await cluster.WaitForPodAsync("tolerating", p => p.Spec.NodeName is not null, "to be bound")).Spec.NodeName);
        Assert.Equal("plain-node", (await cluster.WaitForPodAsync("plain", p => p.Spec.NodeName is not null, "to be bound")).Spec.NodeName);
    }

    [Fact]
    public async Task An_unschedulable_pod_says_why_like_the_real_scheduler_and_is_bound_once_a_node_fits()
    {
        await using var cluster = await NodeCluster.StartAsync();
        await CreateNodeAsync(cluster, "gpu-node", labels: new() { ["benchmark"] = "yes" }, taints: [new V1Taint { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" }]);
        await CreateNodeAsync(cluster, "other-node");
        var pod = TestPods.Shell("p", "true");
        pod.Spec.NodeSelector = new Dictionary<string, string> { ["benchmark"] = "yes" };
        await cluster.CreatePodAsync(pod);

        var unschedulable = await cluster.WaitForPodAsync("p", p => p.Status?.Conditions?.Any(c => c.Type == "PodScheduled") == true, "the PodScheduled condition");
        var condition = unschedulable.Status.Conditions.Single(c => c.Type == "PodScheduled");
        Assert.Equal(("False", "Unschedulable"), (condition.Status, condition.Reason));
        Assert.Equal("0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {dedicated: gpu}.", condition.Message);
        Assert.Null(unschedulable.Spec.NodeName);

        await CreateNodeAsync(cluster, "new-node", labels: new() { ["benchmark"] = "yes" });

        var bound = await cluster.WaitForPodAsync("p", p => p.Spec.NodeName is not null, "to be bound");
        Assert.Equal("new-node", bound.Spec.NodeName);
        Assert.Equal("True", bound.Status.Conditions.Single(c => c.Type == "PodScheduled").Status);
    }

    [Fact]
    public async Task A_node_that_is_not_ready_gets_pods_only_once_it_is()
    {
        await using var cluster = await NodeCluster.StartAsync();
        await CreateNodeAsync(cluster, "node-1", ready: false);
        await cluster.CreatePodAsync(TestPods.Shell("p", "true"));
        var waiting = await cluster.WaitForPodAsync("p", p => p.Status?.Conditions?.Any(c => c.Type == "PodScheduled") == true, "the PodScheduled condition");
        Assert.Equal("0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }.", waiting.Status.Conditions.Single(c => c.Type == "PodScheduled").Message);

        var node = await cluster.Client.CoreV1.ReadNodeAsync("node-1");
        node.Status.Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }];
        await cluster.Client.CoreV1.ReplaceNodeStatusAsync(node, "node-1");

        Assert.Equal("node-1", (await cluster.WaitForPodAsync("p", p => p.Spec.NodeName is not null, "to be bound")).Spec.NodeName);
    }

    [Fact]
    public async Task A_pod_that_names_its_node_or_another_scheduler_is_left_alone()
    {
        await using var cluster = await NodeCluster.StartAsync();
        await CreateNodeAsync(cluster, "node-1");
        await cluster.CreatePodAsync(TestPods.Shell("named", "true", nodeName: "elsewhere"));
        var other = TestPods.Shell("other", "true");
        other.Spec.SchedulerName = "someone-else";
        await cluster.CreatePodAsync(other);
        await cluster.CreatePodAsync(TestPods.Shell("mine", "true"));

        await cluster.WaitForPodAsync("mine", p => p.Spec.NodeName == "node-1", "to be bound");

        Assert.Equal("elsewhere", (await cluster.ReadPodAsync("named")).Spec.NodeName);
        var untouched = await cluster.ReadPodAsync("other");
        Assert.Null(untouched.Spec.NodeName);
        Assert.DoesNotContain(untouched.Status?.Conditions ?? [], c => c.Type == "PodScheduled");
    }

    private static Task<V1Node> CreateNodeAsync(NodeCluster cluster, string name, Dictionary<string, string>? labels = null, List<V1Taint>? taints = null, bool ready = true)
    {
        labels ??= [];
        labels["kubernetes.io/hostname"] = name;
        return cluster.Client.CoreV1.CreateNodeAsync(new V1Node
        {
            Metadata = new V1ObjectMeta { Name = name, Labels = labels },
            Spec = new V1NodeSpec { Taints = taints },
            Status = new V1NodeStatus { Conditions = [new V1NodeCondition { Type = "Ready", Status = ready ? "True" : "False" }] },
        });
    }
}
