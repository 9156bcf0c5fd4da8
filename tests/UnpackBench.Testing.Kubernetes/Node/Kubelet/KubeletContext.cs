using k8s;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>What every pod worker of a kubelet shares.</summary>
internal sealed record KubeletContext(
    IKubernetes Client,
    string NodeName,
    string PodsDirectory,
    string ClaimsDirectory,
    string LauncherPath,
    HostTools Tools,
    IReadOnlyDictionary<string, ContainerCommand> Commands,
    TestKubeletOptions Options,
    Docker.DotNet.DockerClient? Docker)
{
    /// <summary>Passes a line to <see cref="TestKubeletOptions.Diagnostics"/>.</summary>
    public void Report(string line) => Options.Diagnostics?.Invoke($"test kubelet {NodeName}: {line}");
}
