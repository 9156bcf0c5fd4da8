using System.Text.Json.Nodes;
using Docker.DotNet.Models;
using UnpackBench.Packaging.Tests.Container.Support;

namespace UnpackBench.Packaging.Tests.Container;

/// <summary>
/// The project's image run as the operator's agent pods run it: the <c>unpackbench-agent</c> command,
/// root, privileged, containerd's root on a volume at /var/lib/unpackbench (the pod's emptyDir), JSON
/// events on stdout and a termination message file; no service-account token is mounted. And what a
/// user gets wrong: no volume, no privileges, an image without pigz.
/// </summary>
[Collection(ProjectImageCollection.Name)]
public sealed class AgentContainerTests(ProjectImageHost host)
{
    private const string StorageMountPath = "/var/lib/unpackbench";
    private const string TerminationMessagePath = "/dev/termination-log";

    [Fact]
    public async Task Agent_pod_container_pulls_and_benchmarks_with_containerds_root_on_its_volume()
    {
        using var client = host.Docker.CreateClient();

        var outcome = await ContainerRun.RunAsync(client, Pod(host.Image, privileged: true, rootVolume: true, "--image", host.RegistryImage, "--plain-http"));

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        var events = Events(outcome.StandardOutput);
        Assert.Equal(["acquired", "run", "run", "result"], events.Select(e => e["event"]!.GetValue<string>()).Where(e => e is "acquired" or "run" or "result" or "failed"));
        var result = events[^1]["result"]!;
        Assert.Equal(2, result["summary"]!["successful_runs"]!.GetValue<int>());
        Assert.NotEqual("overlay", result["environment"]!["root_filesystem"]!.GetValue<string>());
        Assert.Equal("unpigz", result["environment"]!["decompressor"]!.GetValue<string>());
        var verdict = TerminationMessage()!;
        Assert.Equal("Succeeded", verdict["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Root_on_the_containers_own_overlay_filesystem_is_refused_with_the_clear_message()
    {
        using var client = host.Docker.CreateClient();

        var outcome = await ContainerRun.RunAsync(client, Pod(host.Image, privileged: true, rootVolume: false, "--archive", "/images/sample.tar"));

        Assert.True(outcome.ExitCode == 1, outcome.Output);
        Assert.Contains("--root /var/lib/unpackbench/containerd is on overlayfs, and overlay cannot stack on overlay", outcome.StandardOutput + outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains("mount a volume there", outcome.StandardOutput + outcome.StandardError, StringComparison.Ordinal);
        Assert.Equal("ContainerdUnavailable", TerminationMessage()!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Agent_without_privileges_says_to_run_the_container_privileged_instead_of_failing_in_containerd()
    {
        using var client = host.Docker.CreateClient();

        var outcome = await ContainerRun.RunAsync(client, Pod(host.Image, privileged: false, rootVolume: true, "--archive", "/images/sample.tar"));

        var output = outcome.StandardOutput + outcome.StandardError;
        Assert.True(outcome.ExitCode == 1, outcome.Output);
        Assert.Contains("unpackbench-agent runs without CAP_SYS_ADMIN (the container is not privileged)", output, StringComparison.Ordinal);
        Assert.Contains("docker run --privileged", output, StringComparison.Ordinal);
        Assert.Contains("securityContext.privileged: true", output, StringComparison.Ordinal);
        Assert.DoesNotContain("starting a private containerd", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal("ContainerdUnavailable", TerminationMessage()!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Image_built_without_pigz_makes_the_agent_warn_and_decompress_with_builtin_gzip()
    {
        using var client = host.Docker.CreateClient();
        var image = await WithoutPigzAsync(client);

        var outcome = await ContainerRun.RunAsync(client, Pod(image, privileged: true, rootVolume: true, "--archive", "/images/sample.tar"));

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        Assert.Contains("unpigz is not on PATH, so containerd decompresses gzip layers with Go's slower built-in gzip; install the 'pigz' package", outcome.StandardOutput + outcome.StandardError, StringComparison.Ordinal);
        Assert.Equal("builtin", Events(outcome.StandardOutput)[^1]["result"]!["environment"]!["decompressor"]!.GetValue<string>());
    }

    private readonly string _terminationMessage = CreateTerminationMessageFile(host);

    /// <summary>
    /// The agent pod's container (AgentPodBuilder's shape) on the test dockerd, for 2 runs; the
    /// termination message file is a host file bind-mounted where the pod declares it, as the kubelet does.
    /// </summary>
    private CreateContainerParameters Pod(string image, bool privileged, bool rootVolume, params string[] source) => new()
    {
        Image = image,
        User = "0",
        Entrypoint = ["unpackbench-agent"],
        Cmd = ["run", .. source, "--runs", "2", "--root", $"{StorageMountPath}/containerd", "--output", "/tmp/unpackbench-results",
            "--log-format", "json", "--termination-message-path", TerminationMessagePath],
        Env = ["NODE_NAME=node-1"],
        // An anonymous volume is the emptyDir: removed with the container.
        Volumes = rootVolume ? new Dictionary<string, EmptyStruct> { [StorageMountPath] = default } : null,
        HostConfig = new HostConfig
        {
            Privileged = privileged,
            NetworkMode = "host",
            Binds = [$"{host.SampleArchive}:/images/sample.tar:ro", $"{_terminationMessage}:{TerminationMessagePath}"],
        },
    };

    private static string CreateTerminationMessageFile(ProjectImageHost host)
    {
        var path = Path.Combine(host.CreateDirectory($"pod-{Guid.NewGuid():N}"), "termination-log");
        File.WriteAllBytes(path, []);
        return path;
    }

    private JsonNode TerminationMessage() => JsonNode.Parse(File.ReadAllText(_terminationMessage))!;

    private static async Task<string> WithoutPigzAsync(Docker.DotNet.DockerClient client)
    {
        const string image = "unpackbench:without-pigz";
        var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = ProjectImageHost.ComposeImage,
            User = "0",
            Entrypoint = ["dpkg", "--purge", "pigz"],
            HostConfig = new HostConfig { NetworkMode = "none" },
        });
        try
        {
            await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
            Assert.Equal(0, (await client.Containers.WaitContainerAsync(created.ID)).StatusCode);
            await client.Images.CommitContainerChangesAsync(new CommitContainerChangesParameters { ContainerID = created.ID, RepositoryName = "unpackbench", Tag = "without-pigz" });
        }
        finally
        {
            await client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true });
        }

        return image;
    }

    private static List<JsonObject> Events(string standardOutput) =>
        standardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
}
