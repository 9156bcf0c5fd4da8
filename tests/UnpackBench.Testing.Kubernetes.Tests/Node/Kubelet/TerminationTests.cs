using k8s;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Node;
using UnpackBench.Testing.Kubernetes.Tests.Node.Support;
using Xunit.Abstractions;

namespace UnpackBench.Testing.Kubernetes.Tests.Node.Kubelet;

/// <summary>How containers are stopped: deadlines, graceful deletion, and a kubelet that goes away.</summary>
public sealed class TerminationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_expired_activeDeadlineSeconds_fails_the_pod_with_DeadlineExceeded()
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        var pod = TestPods.Shell("p", "trap 'exit 143' TERM; sleep 60 & wait $!");
        pod.Spec.ActiveDeadlineSeconds = 1;
        await cluster.CreatePodAsync(pod);

        var failed = await cluster.WaitForPhaseAsync("p", "Failed");

        Assert.Equal(("DeadlineExceeded", "Pod was active on the node longer than the specified deadline"), (failed.Status.Reason, failed.Status.Message));
        Assert.Equal(143, failed.Terminated().ExitCode);
    }

    [Fact]
    public async Task A_graceful_deletion_sends_SIGTERM_and_the_pod_disappears_once_the_container_exits()
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        var markers = cluster.Directory.CreateSubdirectory("markers");
        await cluster.CreatePodAsync(TestPods.Shell("p", "trap 'echo got SIGTERM > /markers/term; exit 0' TERM; echo ready; sleep 60 & wait $!")
            .WithHostPath("markers", markers, "/markers"));
        await cluster.WaitForPodAsync("p", pod => pod.IsRunning(), "Running");
        await Eventually.TrueAsync(async _ => (await cluster.LogAsync("p")).Contains("ready", StringComparison.Ordinal), NodeCluster.Timeout, "the trap to be set");

        await cluster.Client.CoreV1.DeleteNamespacedPodAsync("p", NodeCluster.Namespace, gracePeriodSeconds: 30);
        await cluster.WaitForPodGoneAsync("p");

        Assert.Equal("got SIGTERM\n", File.ReadAllText(Path.Combine(markers, "term")));
    }

    [Fact]
    public async Task A_container_that_ignores_SIGTERM_is_killed_when_the_grace_period_ends()
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        await cluster.CreatePodAsync(TestPods.Shell("p", "trap '' TERM; echo ready; while true; do sleep 0.1; done"));
        await cluster.WaitForPodAsync("p", pod => pod.IsRunning(), "Running");
        await Eventually.TrueAsync(async _ => (await cluster.LogAsync("p")).Contains("ready", StringComparison.Ordinal), NodeCluster.Timeout, "the trap to be set");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await cluster.Client.CoreV1.DeleteNamespacedPodAsync("p", NodeCluster.Namespace, gracePeriodSeconds: 1);
        await cluster.WaitForPodGoneAsync("p");

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_pod_deleted_before_its_container_started_just_goes()
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        var pod = TestPods.Shell("p", "true").WithVolume(new V1Volume { Name = "s", Secret = new V1SecretVolumeSource { SecretName = "never-created" } }, "/s");
        await cluster.CreatePodAsync(pod);
        await cluster.WaitForPodAsync("p", p => p.Status?.ContainerStatuses?.FirstOrDefault()?.State?.Waiting?.Reason == "ContainerCreating" && p.Status.ContainerStatuses[0].State.Waiting.Message is not null, "waiting for its secret");

        await cluster.Client.CoreV1.DeleteNamespacedPodAsync("p", NodeCluster.Namespace, gracePeriodSeconds: 30);

        await cluster.WaitForPodGoneAsync("p");
    }

    [Fact]
    public async Task A_stopped_kubelet_that_killed_its_workloads_leaves_the_pod_Running_in_the_API()
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        await cluster.CreatePodAsync(TestPods.Shell("p", "while true; do sleep 0.1; done"));
        var running = await cluster.WaitForPodAsync("p", pod => pod.IsRunning(), "Running");
        var pid = int.Parse(running.Status.ContainerStatuses[0].ContainerID["test-kubelet://".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Directory.Exists($"/proc/{pid}"));

        await cluster.Kubelets[0].StopAsync(killWorkloads: true);
        await cluster.Kubelets[0].SetReadyAsync(false);

        await Eventually.TrueAsync(_ => Task.FromResult(!Directory.Exists($"/proc/{pid}")), NodeCluster.Timeout, "the container process to be killed");
        var after = await cluster.ReadPodAsync("p");
        Assert.True(after.IsRunning(), "nobody reports for a lost node");
        var node = await cluster.Client.CoreV1.ReadNodeAsync("node-1");
        Assert.Equal(("False", "KubeletNotReady"), (node.Status.Conditions.Single(c => c.Type == "Ready").Status, node.Status.Conditions.Single(c => c.Type == "Ready").Reason));
    }

    [Fact]
    public async Task A_kubelet_restarted_on_a_lost_node_fails_the_pods_whose_containers_are_gone()
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        await cluster.CreatePodAsync(TestPods.Shell("p", "while true; do sleep 0.1; done"));
        await cluster.WaitForPodAsync("p", pod => pod.IsRunning(), "Running");
        await cluster.Kubelets[0].StopAsync(killWorkloads: true);

        await using var restarted = new TestKubelet(cluster.Client, "node-1", cluster.Directory.Combine("restarted"), NodeCluster.ShellCommands);
        await restarted.StartAsync();

        var failed = await cluster.WaitForPhaseAsync("p", "Failed");
        Assert.Equal((137, "ContainerStatusUnknown"), (failed.Terminated().ExitCode, failed.Terminated().Reason));
        Assert.Equal("True", (await cluster.Client.CoreV1.ReadNodeAsync("node-1")).Status.Conditions.Single(c => c.Type == "Ready").Status);
    }
}
