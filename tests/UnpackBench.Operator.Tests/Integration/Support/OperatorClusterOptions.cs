using UnpackBench.Testing.Kubernetes;

namespace UnpackBench.Operator.Tests.Integration.Support;

/// <summary>
/// How an <see cref="OperatorCluster"/> is set up: its nodes, and the ways its API server behaves like a
/// real cluster's — no or a slow garbage collector, kubelets it cannot reach for logs, RBAC, admission.
/// The defaults are the friendliest cluster.
/// </summary>
internal sealed record OperatorClusterOptions
{
    /// <summary>Kubelets (nodes) started: node-1, node-2, …</summary>
    public int Nodes { get; init; } = 1;

    /// <summary>When set, the kubelets run pods as containers of their images through this dockerd.</summary>
    public string? DockerHost { get; init; }

    /// <summary>Whether and when kube-controller-manager's garbage collector runs.</summary>
    public GarbageCollectionMode GarbageCollection { get; init; } = GarbageCollectionMode.Prompt;

    /// <summary>Pod logs fail as where the API server cannot dial the kubelets (firewalls, konnectivity).</summary>
    public bool LogsUnavailable { get; init; }

    /// <summary>RBAC is enforced with the project's own <c>config/rbac</c>; the operator authenticates as its ServiceAccount.</summary>
    public bool Rbac { get; init; }

    /// <summary>The admission plugins the API server runs.</summary>
    public AdmissionPlugins Admission { get; init; } = AdmissionPlugins.None;
}
