namespace UnpackBench.Testing.Kubernetes;

/// <summary>The built-in resource types the test server serves.</summary>
public static class BuiltInResources
{
    /// <summary>core/v1 pods, with <c>/status</c>, <c>/log</c> and <c>/binding</c>.</summary>
    public static readonly ApiResource Pods = new("", "v1", "pods", "Pod", Namespaced: true, HasStatusSubresource: true);

    /// <summary>core/v1 configmaps.</summary>
    public static readonly ApiResource ConfigMaps = new("", "v1", "configmaps", "ConfigMap", Namespaced: true, HasStatusSubresource: false);

    /// <summary>core/v1 secrets.</summary>
    public static readonly ApiResource Secrets = new("", "v1", "secrets", "Secret", Namespaced: true, HasStatusSubresource: false);

    /// <summary>core/v1 events.</summary>
    public static readonly ApiResource CoreEvents = new("", "v1", "events", "Event", Namespaced: true, HasStatusSubresource: false);

    /// <summary>core/v1 serviceaccounts.</summary>
    public static readonly ApiResource ServiceAccounts = new("", "v1", "serviceaccounts", "ServiceAccount", Namespaced: true, HasStatusSubresource: false);

    /// <summary>core/v1 namespaces (cluster-scoped).</summary>
    public static readonly ApiResource Namespaces = new("", "v1", "namespaces", "Namespace", Namespaced: false, HasStatusSubresource: true);

    /// <summary>core/v1 nodes (cluster-scoped), with <c>/status</c>.</summary>
    public static readonly ApiResource Nodes = new("", "v1", "nodes", "Node", Namespaced: false, HasStatusSubresource: true);

    /// <summary>coordination.k8s.io/v1 leases.</summary>
    public static readonly ApiResource Leases = new("coordination.k8s.io", "v1", "leases", "Lease", Namespaced: true, HasStatusSubresource: false);

    /// <summary>events.k8s.io/v1 events (stored apart from core/v1 events).</summary>
    public static readonly ApiResource Events = new("events.k8s.io", "v1", "events", "Event", Namespaced: true, HasStatusSubresource: false);

    /// <summary>All of them.</summary>
    public static IReadOnlyList<ApiResource> All { get; } =
        [Pods, ConfigMaps, Secrets, CoreEvents, ServiceAccounts, Namespaces, Nodes, Leases, Events];
}
