using System.Globalization;
using k8s;
using k8s.Models;
using UnpackBench.Testing.Docker;
using UnpackBench.Testing.Kubernetes.Node;
using UnpackBench.Testing.Kubernetes.Tests.Node.Support;
using Xunit.Abstractions;

namespace UnpackBench.Testing.Kubernetes.Tests.Node.Kubelet;

/// <summary>
/// The kubelet's Docker runtime (<see cref="TestKubeletOptions.DockerHost"/>) against a real dockerd: the
/// pod's securityContext, env, volumes and termination message path are what the container really gets.
/// The containers are busybox's shell, so the scripts use only its builtins.
/// </summary>
public sealed class DockerRuntimeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int CapSysAdmin = 21;
    private DockerdFixture? _docker;

    private DockerdFixture Docker => _docker!;

    public async Task InitializeAsync() => _docker = await DockerdFixture.StartAsync();

    public async Task DisposeAsync()
    {
        if (_docker is not null)
        {
            await _docker.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_privileged_root_container_gets_every_capability_its_env_its_volume_and_its_termination_message_path()
    {
        await using var cluster = await StartAsync();
        var shared = cluster.Directory.CreateSubdirectory("shared");
        var pod = Pod("privileged", """
            while read key value; do case $key in CapEff:) printf '%s' "$value" > /run/verdict/message ;; esac; done < /proc/self/status
            echo "greeting=$GREETING node=$NODE"
            echo written > /shared/out
            """).WithHostPath("shared", shared, "/shared");
        var container = pod.Spec.Containers[0];
        container.SecurityContext = new V1SecurityContext { Privileged = true, RunAsUser = 0 };
        container.TerminationMessagePath = "/run/verdict/message";
        container.Env =
        [
            new V1EnvVar { Name = "GREETING", Value = "hello" },
            new V1EnvVar { Name = "NODE", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "spec.nodeName" } } },
        ];
        await cluster.CreatePodAsync(pod);

        var done = await cluster.WaitForPhaseAsync("privileged", "Succeeded");

        var terminated = done.Terminated();
        Assert.StartsWith("docker://", done.Status.ContainerStatuses[0].ContainerID, StringComparison.Ordinal);
        Assert.True(HasCapability(terminated.Message, CapSysAdmin), $"CapEff {terminated.Message} lacks CAP_SYS_ADMIN");
        Assert.Contains("greeting=hello node=node-1", await cluster.LogAsync("privileged"), StringComparison.Ordinal);
        Assert.Equal("written\n", File.ReadAllText(Path.Combine(shared, "out")));
    }

    [Fact]
    public async Task An_unprivileged_container_runs_as_its_run_as_user_and_group_without_cap_sys_admin_and_its_exit_code_fails_the_pod()
    {
        await using var cluster = await StartAsync();
        var pod = Pod("plain", """
            while read key value rest; do case $key in Uid:|Gid:|CapEff:) printf '%s%s ' "$key" "$value" >> /dev/termination-log ;; esac; done < /proc/self/status
            exit 3
            """);
        pod.Spec.SecurityContext = new V1PodSecurityContext { RunAsUser = 1234, RunAsGroup = 5678 };
        await cluster.CreatePodAsync(pod);

        var failed = await cluster.WaitForPhaseAsync("plain", "Failed");

        var terminated = failed.Terminated();
        Assert.Equal(3, terminated.ExitCode);
        var fields = terminated.Message.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToDictionary(f => f[..(f.IndexOf(':', StringComparison.Ordinal) + 1)], f => f[(f.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        Assert.Equal("1234", fields["Uid:"]);
        Assert.Equal("5678", fields["Gid:"]);
        Assert.False(HasCapability(fields["CapEff:"], CapSysAdmin));
    }

    [Fact]
    public async Task A_graceful_deletion_stops_the_container_with_SIGTERM_and_removes_it()
    {
        await using var cluster = await StartAsync();
        var markers = cluster.Directory.CreateSubdirectory("markers");
        await cluster.CreatePodAsync(Pod("stopped", "trap 'echo got SIGTERM > /markers/term; exit 0' TERM; echo ready; sleep 60 & wait $!")
            .WithHostPath("markers", markers, "/markers"));
        await cluster.WaitForPodAsync("stopped", pod => pod.IsRunning(), "Running");
        await Eventually.TrueAsync(async _ => (await cluster.LogAsync("stopped")).Contains("ready", StringComparison.Ordinal), NodeCluster.Timeout, "the trap to be set");

        await cluster.Client.CoreV1.DeleteNamespacedPodAsync("stopped", NodeCluster.Namespace, gracePeriodSeconds: 30);
        await cluster.WaitForPodGoneAsync("stopped");

        Assert.Equal("got SIGTERM\n", File.ReadAllText(Path.Combine(markers, "term")));
        await Eventually.TrueAsync(async token => (await Docker.Api.ListContainersAsync(token)).Count == 0, NodeCluster.Timeout, "the container to be removed");
    }

    private async Task<NodeCluster> StartAsync()
    {
        var cluster = await NodeCluster.StartAsync(output);
        await cluster.AddKubeletAsync("node-1", options: new TestKubeletOptions { DockerHost = Docker.DockerHost });
        return cluster;
    }

    private static V1Pod Pod(string name, string script)
    {
        var pod = TestPods.Shell(name, script);
        pod.Spec.Containers[0].Image = DockerdFixture.BusyboxImage;
        return pod;
    }

    private static bool HasCapability(string mask, int capability) =>
        ((ulong.Parse(mask.Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) >> capability) & 1) == 1;
}
