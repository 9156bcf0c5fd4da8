namespace UnpackBench.Testing.Kubernetes;

/// <summary>How an <see cref="ApiTestServer"/> is set up.</summary>
public sealed record ApiTestServerOptions
{
    /// <summary>How many events the watch history keeps; a watch from an older resourceVersion gets 410 Expired.</summary>
    public int EventHistoryCapacity { get; init; } = 1000;

    /// <summary>The clock for timestamps, pod grace periods and the garbage collector's delay.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Namespaces created at start, as a fresh cluster has them. Namespaces are implicit unless
    /// <see cref="ApiTestServer.RequireNamespaces"/> is called, so these matter only then (and for lists).
    /// </summary>
    public IReadOnlyList<string> InitialNamespaces { get; init; } = ["default", "kube-system", "kube-public", "kube-node-lease"];

    /// <summary>Whether and when the garbage collector and namespace controller run (kube-controller-manager's work).</summary>
    public GarbageCollectionMode GarbageCollection { get; init; } = GarbageCollectionMode.Prompt;

    /// <summary>
    /// Whether requests are authorized by RBAC: the rules given to <see cref="ApiTestServer.ApplyRbac"/>
    /// decide what each <see cref="RequestIdentity"/> may do (403 with the real message otherwise); the
    /// default client (<see cref="RequestIdentity.Admin"/>) may do anything. Off: everything is allowed.
    /// </summary>
    public bool Rbac { get; init; }

    /// <summary>The admission plugins (and pod validation) to emulate; none by default.</summary>
    public AdmissionPlugins Admission { get; init; } = AdmissionPlugins.None;

    /// <summary>How long after a change the collector acts in <see cref="GarbageCollectionMode.Delayed"/> mode.</summary>
    public TimeSpan GarbageCollectionDelay { get; init; } = TimeSpan.FromMilliseconds(500);
}
