using System.Text.Json;
using k8s;
using k8s.Models;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Images;
using UnpackBench.Testing.Kubernetes.Node;
using UnpackBench.Testing.Kubernetes.Tests.Node.Support;
using Xunit.Abstractions;

namespace UnpackBench.Testing.Kubernetes.Tests.Node;

/// <summary>The real agent, run by the test kubelet in a pod, benchmarks an image on the real containerd.</summary>
public sealed class AgentPodTests(ITestOutputHelper output)
{
    /// <summary>The agent's own build output, which the test project copies into <c>agent/</c> next to the tests.</summary>
    private static readonly string AgentDll = Path.Combine(AppContext.BaseDirectory, "agent", "unpackbench-agent.dll");

    [Fact]
    public async Task The_agent_benchmarks_an_archived_image_in_a_pod_and_reports_through_its_log_and_termination_message()
    {
        var commands = new Dictionary<string, ContainerCommand> { ["unpackbench-agent"] = new("dotnet", [AgentDll]) };
        await using var cluster = await NodeCluster.WithNodeAsync(output, commands: commands);
        var images = cluster.Directory.CreateSubdirectory("images");
        OciArchive.Write(SampleImage.Build(OciLayout.Create(cluster.Directory.Combine("layout"))), Path.Combine(images, "sample.tar"));
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "agent" },
            Spec = new V1PodSpec
            {
                RestartPolicy = "Never",
                Containers =
                [
                    new V1Container
                    {
                        Name = "agent",
                        Image = "unpackbench/agent:test",
                        Command = ["unpackbench-agent"],
                        Args =
                        [
                            "run", "--archive", "/images/sample.tar", "--runs", "1", "--root", "/var/lib/unpackbench/containerd",
                            "--output", "/tmp/results", "--log-format", "json", "--termination-message-path", "/dev/termination-log",
                        ],
                        VolumeMounts =
                        [
                            new V1VolumeMount { Name = "work", MountPath = "/var/lib/unpackbench" },
                            new V1VolumeMount { Name = "images", MountPath = "/images", ReadOnlyProperty = true },
                        ],
                    },
                ],
                Volumes =
                [
                    new V1Volume { Name = "work", EmptyDir = new V1EmptyDirVolumeSource() },
                    new V1Volume { Name = "images", HostPath = new V1HostPathVolumeSource { Path = images, Type = "Directory" } },
                ],
            },
        };

        await cluster.CreatePodAsync(pod);
        var finished = await cluster.WaitForPodAsync("agent", p => p.Status?.Phase is "Succeeded" or "Failed", "to finish", TimeSpan.FromSeconds(90));

        var log = await cluster.LogAsync("agent");
        Assert.True(finished.Status.Phase == "Succeeded", $"{KubernetesJson.Serialize(finished.Status)}\n{log}");
        using var message = JsonDocument.Parse(finished.Terminated().Message);
        Assert.Equal("Succeeded", message.RootElement.GetProperty("outcome").GetString());
        var last = AgentEventJson.TryParse(log.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.Equal(AgentEventKinds.Result, last?.Event);
        Assert.Equal("success", Assert.Single(last!.Result!.Runs).Status);
        Assert.False(Directory.Exists("/var/lib/unpackbench"), "the agent's root is in the pod's emptyDir, not on the host");
    }
}
