namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// Who finishes deletions the API server only starts: owner-reference garbage collection, the
/// <c>orphan</c> and <c>foregroundDeletion</c> finalizers and emptying terminating namespaces are
/// kube-controller-manager's work (its garbage collector and namespace controller), never the API server's.
/// </summary>
public enum GarbageCollectionMode
{
    /// <summary>Done at once, after every change: the quickest to test against (the default).</summary>
    Prompt,

    /// <summary>
    /// Done <see cref="ApiTestServerOptions.GarbageCollectionDelay"/> after a change, on the server's clock,
    /// as a real cluster's controllers lag behind the API.
    /// </summary>
    Delayed,

    /// <summary>
    /// Never: the API server alone, as a real one without kube-controller-manager. Dependents outlive their
    /// owners, and objects with those finalizers and terminating namespaces stay.
    /// </summary>
    Off,
}
