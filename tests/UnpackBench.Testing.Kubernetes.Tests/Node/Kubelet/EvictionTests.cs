using UnpackBench.Testing.Kubernetes.Tests.Node.Support;
using Xunit.Abstractions;

namespace UnpackBench.Testing.Kubernetes.Tests.Node.Kubelet;

/// <summary>A kubelet evicting a pod under node pressure.</summary>
public sealed class EvictionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_evicted_pod_is_killed_at_once_and_ends_failed_with_reason_Evicted_and_stays()
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        await cluster.CreatePodAsync(TestPods.Shell("p", "trap '' TERM; echo ready; while true; do sleep 0.1; done"));
        await cluster.WaitForPodAsync("p", pod => pod.IsRunning(), "Running");

        cluster.Kubelets[0].Evict(NodeCluster.Namespace, "p", "The node was low on resource: memory.");
        var failed = await cluster.WaitForPhaseAsync("p", "Failed");

        Assert.Equal(("Evicted", "The node was low on resource: memory."), (failed.Status.Reason, failed.Status.Message));
        Assert.Equal(137, failed.Terminated().ExitCode);
        Assert.Null(failed.Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task Evicting_a_pod_the_kubelet_does_not_run_says_so()
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);

        var error = Assert.Throws<InvalidOperationException>(() => cluster.Kubelets[0].Evict(NodeCluster.Namespace, "nowhere"));

        Assert.Contains("runs no started pod default/nowhere", error.Message, StringComparison.Ordinal);
    }
}
