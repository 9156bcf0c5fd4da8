using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Integration.Support;
using UnpackBench.Testing.Docker;
using Xunit.Abstractions;

namespace UnpackBench.Operator.Tests.Integration;

/// <summary>
/// The end-to-end path with the agent pod run as what it really is: a container of the project's image
/// (built from the repository's Dockerfile), started by the test kubelet through a real dockerd from the
/// pod spec the operator wrote — command, args, env, privileged, runAsUser, volumes, termination message.
/// </summary>
public sealed class DockerEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_benchmark_succeeds_with_its_agent_pod_run_as_a_container_of_the_project_image()
    {
        await using var docker = await DockerdFixture.StartAsync();
        await docker.LoadProjectImageAsync(OperatorCluster.AgentImage);
        await using var cluster = await OperatorCluster.StartAsync(output, new OperatorClusterOptions { DockerHost = docker.DockerHost });
        var image = await cluster.PushSampleAsync();
        cluster.StartOperator();

        await cluster.CreateBenchmarkAsync("sample", cluster.Spec(image, runs: 2));
        var done = await cluster.WaitForPhaseAsync("sample", BenchmarkPhase.Succeeded, TimeSpan.FromMinutes(3));

        Assert.Equal("2/2", done.Status!.Progress);
        Assert.Equal("node-1", done.Status.NodeName);
        var configMap = await cluster.ConfigMapAsync("sample-result");
        var document = ResultJson.Deserialize(configMap!.Data[ResultConfigMapBuilder.DocumentKey]);
        Assert.All(document.Runs, r => Assert.Equal(RunResult.Success, r.Status));
        Assert.Equal("node-1", document.Environment.Hostname);
        Assert.Equal("private", document.Environment.ContainerdMode);
        Assert.NotEqual("overlay", document.Environment.RootFilesystem);
        Assert.Equal("unpigz", document.Environment.Decompressor);

        var pod = Assert.Single(await cluster.PodsAsync());
        Assert.StartsWith("docker://", pod.Status.ContainerStatuses[0].ContainerID, StringComparison.Ordinal);
        Assert.True(pod.Spec.Containers[0].SecurityContext.Privileged);
        Assert.False(pod.Spec.AutomountServiceAccountToken);
        Assert.Equal(0, pod.Status.ContainerStatuses[0].State.Terminated.ExitCode);
        Assert.Contains("\"outcome\":\"Succeeded\"", pod.Status.ContainerStatuses[0].State.Terminated.Message, StringComparison.Ordinal);
    }
}
