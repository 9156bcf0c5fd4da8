using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>How a <see cref="TestKubelet"/>'s node looks and where its state lives.</summary>
public sealed class TestKubeletOptions
{
    /// <summary>
    /// Node labels, added to the ones every node gets (<c>kubernetes.io/hostname</c>, <c>kubernetes.io/os</c>,
    /// <c>kubernetes.io/arch</c>).
    /// </summary>
    public IDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Node taints.</summary>
    public IList<V1Taint> Taints { get; init; } = [];

    /// <summary>
    /// The entrypoint (first word mapped like a command) of images, for containers that give only
    /// <c>args</c>, keyed by the image as written in the pod or by its repository without tag or digest.
    /// </summary>
    public IDictionary<string, IReadOnlyList<string>> ImageEntrypoints { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Where persistentVolumeClaim volumes live (one directory per namespace and claim). By default a
    /// directory in the kubelet's work directory, removed on dispose; give several kubelets the same
    /// directory (which they then leave in place) to make a claim reachable from every node.
    /// </summary>
    public string? ClaimsDirectory { get; init; }

    /// <summary>
    /// Runs pods as real containers of their images through the Docker daemon at this address (e.g.
    /// <c>unix:///run/test/docker.sock</c>) instead of as local processes; see <see cref="DockerContainerSpec"/>
    /// for what the runtime honours. Null: local processes through the command table.
    /// </summary>
    public string? DockerHost { get; init; }

    /// <summary>Receives one line per thing the kubelet does or fails at (for test output).</summary>
    public Action<string>? Diagnostics { get; init; }
}
