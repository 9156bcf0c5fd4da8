using k8s;
using UnpackBench.Testing.Kubernetes.Tests.Node.Support;
using Xunit.Abstractions;

namespace UnpackBench.Testing.Kubernetes.Tests.Node.Kubelet;

/// <summary>Container output through the API's pod log endpoint.</summary>
public sealed class LogTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_followed_log_streams_stdout_and_stderr_lines_as_they_are_printed_and_ends_with_the_container()
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        var control = cluster.Directory.CreateSubdirectory("control");
        await cluster.CreatePodAsync(TestPods.Shell("p", "echo one; while [ ! -e /control/next ]; do sleep 0.05; done; echo two >&2; while [ ! -e /control/done ]; do sleep 0.05; done; echo three")
            .WithHostPath("control", control, "/control"));
        await cluster.WaitForPodAsync("p", pod => pod.IsRunning(), "Running");

        using var log = new StreamReader(await cluster.Client.CoreV1.ReadNamespacedPodLogAsync("p", NodeCluster.Namespace, follow: true));
        var first = await log.ReadLineAsync().WaitAsync(NodeCluster.Timeout);
        File.WriteAllText(Path.Combine(control, "next"), "");
        var second = await log.ReadLineAsync().WaitAsync(NodeCluster.Timeout);
        File.WriteAllText(Path.Combine(control, "done"), "");
        var third = await log.ReadLineAsync().WaitAsync(NodeCluster.Timeout);
        var end = await log.ReadLineAsync().WaitAsync(NodeCluster.Timeout);

        Assert.Equal(("one", "two", "three", (string?)null), (first, second, third, end));
        await cluster.WaitForPhaseAsync("p", "Succeeded");
        Assert.Equal("one\ntwo\nthree\n", await cluster.LogAsync("p"));
    }
}
