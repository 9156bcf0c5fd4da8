using System.Globalization;
using k8s;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Node.Support;
using Xunit.Abstractions;

namespace UnpackBench.Testing.Kubernetes.Tests.Node.Kubelet;

/// <summary>A pod's container runs as a local process and its status moves as a real kubelet reports it.</summary>
public sealed class PodLifecycleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_pod_goes_from_Pending_to_Running_to_Succeeded()
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        var gate = cluster.Directory.CreateSubdirectory("gate");
        await using var phases = new PhaseRecorder(cluster.Client, NodeCluster.Namespace, "p");
        await cluster.CreatePodAsync(TestPods.Shell("p", "while [ ! -e /gate/go ]; do sleep 0.05; done; echo done").WithHostPath("gate", gate, "/gate"));

        var running = await cluster.WaitForPodAsync("p", pod => pod.IsRunning(), "Running");
        File.WriteAllText(Path.Combine(gate, "go"), "");
        var succeeded = await cluster.WaitForPhaseAsync("p", "Succeeded");

        Assert.Equal("node-1", running.Spec.NodeName);
        Assert.NotNull(running.Status.StartTime);
        Assert.True(running.Status.ContainerStatuses[0].Ready);
        Assert.Equal("True", running.Status.Conditions.Single(c => c.Type == "Ready").Status);
        Assert.Equal("True", running.Status.Conditions.Single(c => c.Type == "PodScheduled").Status);
        var terminated = succeeded.Terminated();
        Assert.Equal((0, "Completed"), (terminated.ExitCode, terminated.Reason));
        Assert.Equal(running.Status.ContainerStatuses[0].State.Running.StartedAt, terminated.StartedAt);
        Assert.True(terminated.FinishedAt >= terminated.StartedAt);
        Assert.False(succeeded.Status.ContainerStatuses[0].Ready);
        await Eventually.TrueAsync(_ => Task.FromResult(phases.Phases.Contains("Succeeded")), NodeCluster.Timeout, "the watch to see Succeeded");
        Assert.Equal(["Pending", "Running", "Succeeded"], phases.Phases);
    }

    [Theory]
    [InlineData("/dev/termination-log")]
    [InlineData("/var/run/custom-termination-message")]
    public async Task A_failing_container_fails_the_pod_with_its_exit_code_and_termination_message(string messagePath)
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        var pod = TestPods.Shell("p", "printf 'went wrong' > \"$MESSAGE\"; exit 3");
        pod.Spec.Containers[0].TerminationMessagePath = messagePath;
        pod.Spec.Containers[0].Env = [new V1EnvVar { Name = "MESSAGE", Value = messagePath }];
        await cluster.CreatePodAsync(pod);

        var failed = await cluster.WaitForPhaseAsync("p", "Failed");

        var terminated = failed.Terminated();
        Assert.Equal((3, "Error", "went wrong"), (terminated.ExitCode, terminated.Reason, terminated.Message));
        Assert.False(File.Exists("/var/run/custom-termination-message"), "the termination message file must exist only in the container");
    }

    [Fact]
    public async Task A_failed_container_without_a_message_reports_its_log_tail_when_the_policy_says_so()
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        var pod = TestPods.Shell("p", "echo first; echo last words >&2; exit 1");
        pod.Spec.Containers[0].TerminationMessagePolicy = "FallbackToLogsOnError";
        await cluster.CreatePodAsync(pod);

        var failed = await cluster.WaitForPhaseAsync("p", "Failed");

        // stdout and stderr are separate pipes: their relative order is not defined, only each one's.
        Assert.Equal(["first", "last words"], failed.Terminated().Message.Split('\n').Order());
    }

    [Fact]
    public async Task The_container_gets_its_env_with_expansion_and_field_references_plus_PATH_and_HOME()
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        var pod = TestPods.Shell("p", "echo \"$A|$B|$NODE|$POD|$NS|$HOSTNAME|${PATH:+has-path}|$HOME\"");
        pod.Spec.Containers[0].Env =
        [
            new V1EnvVar { Name = "A", Value = "1" },
            new V1EnvVar { Name = "B", Value = "$(A)-$(MISSING)-$$(A)" },
            new V1EnvVar { Name = "NODE", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "spec.nodeName" } } },
            new V1EnvVar { Name = "POD", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } } },
            new V1EnvVar { Name = "NS", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.namespace" } } },
        ];
        await cluster.CreatePodAsync(pod);

        await cluster.WaitForPhaseAsync("p", "Succeeded");

        Assert.Equal($"1|1-$(MISSING)-$(A)|node-1|p|default|p|has-path|{Environment.GetEnvironmentVariable("HOME")}\n", await cluster.LogAsync("p"));
    }

    [Fact]
    public async Task Command_and_args_are_expanded_and_passed_without_a_shell_in_between()
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        var pod = TestPods.Shell("p", "");
        pod.Spec.Containers[0].Command = ["sh", "-c", "printf '<%s>' \"$@\"", "zero"];
        pod.Spec.Containers[0].Args = ["a b", "$(WHO)", "'quoted' $HOME"];
        pod.Spec.Containers[0].Env = [new V1EnvVar { Name = "WHO", Value = "world" }];
        await cluster.CreatePodAsync(pod);

        await cluster.WaitForPhaseAsync("p", "Succeeded");

        Assert.Equal("<a b><world><'quoted' $HOME>\n", await cluster.LogAsync("p"));
    }

    [Fact]
    public async Task An_unknown_command_leaves_the_container_waiting_with_RunContainerError()
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        var pod = TestPods.Shell("p", "true");
        pod.Spec.Containers[0].Command = ["no-such-program", "--flag"];
        await cluster.CreatePodAsync(pod);

        var waiting = await cluster.WaitForPodAsync("p", p => p.Status?.ContainerStatuses?.FirstOrDefault()?.State?.Waiting?.Reason == "RunContainerError", "RunContainerError");

        Assert.Equal("Pending", waiting.Status.Phase);
        Assert.Contains("exec: \"no-such-program\": executable file not found", waiting.Status.ContainerStatuses[0].State.Waiting.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pods_are_bound_only_to_the_kubelet_of_their_node()
    {
        await using var cluster = await NodeCluster.StartAsync(output);
        await cluster.AddKubeletAsync("node-a", options: new() { Labels = new Dictionary<string, string> { ["disk"] = "ssd" } });
        await cluster.AddKubeletAsync("node-b", options: new() { Labels = new Dictionary<string, string> { ["disk"] = "hdd" } });
        var pod = TestPods.Shell("p", "echo \"$NODE\"");
        pod.Spec.NodeSelector = new Dictionary<string, string> { ["disk"] = "hdd" };
        pod.Spec.Containers[0].Env = [new V1EnvVar { Name = "NODE", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "spec.nodeName" } } }];
        await cluster.CreatePodAsync(pod);

        var succeeded = await cluster.WaitForPhaseAsync("p", "Succeeded");

        Assert.Equal("node-b", succeeded.Spec.NodeName);
        Assert.Equal("node-b\n", await cluster.LogAsync("p"));
        var nodes = await cluster.Client.CoreV1.ListNodeAsync();
        Assert.All(nodes.Items, node => Assert.Equal("True", node.Status.Conditions.Single(c => c.Type == "Ready").Status));
        Assert.Equal(Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), nodes.Items[0].Status.Capacity["cpu"].ToString());
    }
}
