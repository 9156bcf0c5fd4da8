using System.Text;
using k8s;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Node.Support;
using Xunit.Abstractions;

namespace UnpackBench.Testing.Kubernetes.Tests.Node.Kubelet;

/// <summary>Volumes appear at their mount paths inside the container and nowhere else.</summary>
public sealed class VolumeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_emptyDir_is_mounted_at_its_path_and_removed_with_the_pod()
    {
        const string mountPath = "/var/lib/test-kubelet-empty-dir";
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        var pod = TestPods.Shell("p", $"echo kept > {mountPath}/file; ls -A {mountPath}; echo private > /tmp/private-file; while [ ! -e /gate/go ]; do sleep 0.05; done")
            .WithVolume(new V1Volume { Name = "scratch", EmptyDir = new V1EmptyDirVolumeSource() }, mountPath)
            .WithHostPath("gate", cluster.Directory.CreateSubdirectory("gate"), "/gate");
        var created = await cluster.CreatePodAsync(pod);

        await cluster.WaitForPodAsync("p", running => running.IsRunning(), "Running");
        var backing = Path.Combine(cluster.Kubelets[0].WorkDirectory, "pods", created.Uid(), "volumes", "empty-dir", "scratch");
        await Eventually.TrueAsync(_ => Task.FromResult(File.Exists(Path.Combine(backing, "file"))), NodeCluster.Timeout, "the container to write into its emptyDir");
        Assert.False(Directory.Exists(mountPath), "the mount path exists only inside the container");
        Assert.False(File.Exists("/tmp/private-file"), "the container's /tmp is its own");
        File.WriteAllText(cluster.Directory.Combine("gate", "go"), "");
        await cluster.WaitForPhaseAsync("p", "Succeeded");
        Assert.True(Directory.Exists(backing), "an emptyDir lives as long as its pod");
        Assert.Equal("file\n", await cluster.LogAsync("p"));

        await cluster.Client.CoreV1.DeleteNamespacedPodAsync("p", NodeCluster.Namespace);
        await cluster.WaitForPodGoneAsync("p");

        // A finished pod is removed at once; the kubelet cleans up after it, as a real one does.
        var podDirectory = Path.Combine(cluster.Kubelets[0].WorkDirectory, "pods", created.Uid());
        await Eventually.TrueAsync(_ => Task.FromResult(!Directory.Exists(podDirectory)), NodeCluster.Timeout, "the pod's directory and its emptyDir to be removed");
    }

    [Fact]
    public async Task A_hostPath_shows_the_host_directory_and_DirectoryOrCreate_creates_it()
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        var input = cluster.Directory.CreateSubdirectory("input");
        File.WriteAllText(Path.Combine(input, "in.txt"), "from the host\n");
        var created = cluster.Directory.Combine("created", "out");
        await cluster.CreatePodAsync(TestPods.Shell("p", "cat /images/in.txt > /out/copy.txt")
            .WithHostPath("images", input, "/images", "Directory")
            .WithHostPath("out", created, "/out", "DirectoryOrCreate"));

        await cluster.WaitForPhaseAsync("p", "Succeeded");

        Assert.Equal("from the host\n", File.ReadAllText(Path.Combine(created, "copy.txt")));
        Assert.False(Directory.Exists("/images/in.txt"));
    }

    [Fact]
    public async Task A_persistentVolumeClaim_keeps_its_files_across_pods()
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        var claim = new V1Volume { Name = "state", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = "cache" } };

        await cluster.CreatePodAsync(TestPods.Shell("writer", "echo from-the-first-pod > /cache/state").WithVolume(claim, "/cache"));
        await cluster.WaitForPhaseAsync("writer", "Succeeded");
        await cluster.Client.CoreV1.DeleteNamespacedPodAsync("writer", NodeCluster.Namespace);
        await cluster.WaitForPodGoneAsync("writer");
        await cluster.CreatePodAsync(TestPods.Shell("reader", "cat /mnt/cache/state").WithVolume(claim, "/mnt/cache"));
        await cluster.WaitForPhaseAsync("reader", "Succeeded");

        Assert.Equal("from-the-first-pod\n", await cluster.LogAsync("reader"));
    }

    [Fact]
    public async Task A_secret_volume_holds_the_secrets_keys_as_read_only_files()
    {
        await using var cluster = await NodeCluster.WithNodeAsync(output);
        var volume = new V1Volume
        {
            Name = "credentials",
            Secret = new V1SecretVolumeSource { SecretName = "registry", Items = [new V1KeyToPath { Key = "config.json", Path = "docker/config.json" }] },
        };
        await cluster.CreatePodAsync(TestPods.Shell("p", "cat /etc/registry/docker/config.json; echo; ls /etc/registry; touch /etc/registry/x 2>/dev/null && echo writable || echo read-only")
            .WithVolume(volume, "/etc/registry"));
        var pending = await cluster.WaitForPodAsync("p", pod => pod.Status?.ContainerStatuses?.FirstOrDefault()?.State?.Waiting?.Message?.Contains("not found", StringComparison.Ordinal) == true, "the missing secret to be reported");
        Assert.Equal("Pending", pending.Status.Phase);

        await cluster.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "registry" }, Data = new Dictionary<string, byte[]> { ["config.json"] = Encoding.UTF8.GetBytes("{\"auths\":{}}"), ["other"] = [1] } },
            NodeCluster.Namespace);
        await cluster.WaitForPhaseAsync("p", "Succeeded");

        Assert.Equal("{\"auths\":{}}\ndocker\nread-only\n", await cluster.LogAsync("p"));
    }
}
