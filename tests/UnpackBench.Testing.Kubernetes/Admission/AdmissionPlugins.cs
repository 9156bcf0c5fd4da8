namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// kube-apiserver's admission (and pod validation) the test server can emulate; all off unless
/// <see cref="ApiTestServerOptions.Admission"/> turns them on.
/// </summary>
[Flags]
public enum AdmissionPlugins
{
    /// <summary>No admission: every well-formed request is admitted.</summary>
    None = 0,

    /// <summary>
    /// The ServiceAccount plugin: a pod gets <c>serviceAccountName: default</c> when it names none, and is refused
    /// (403) when its service account does not exist in its namespace.
    /// </summary>
    ServiceAccount = 1,

    /// <summary>
    /// Pod Security admission in enforce mode: a pod that violates its namespace's
    /// <c>pod-security.kubernetes.io/enforce</c> level (baseline or restricted; version from <c>enforce-version</c>)
    /// is refused (403) with the real message.
    /// </summary>
    PodSecurity = 2,

    /// <summary>
    /// OwnerReferencesPermissionEnforcement: an owner reference with <c>blockOwnerDeletion: true</c> needs
    /// <c>update</c> on the owner's <c>finalizers</c> subresource (403 otherwise); changing owner references
    /// on update needs <c>delete</c> on the object. Judged by RBAC, so it matters only with <see cref="ApiTestServerOptions.Rbac"/>.
    /// </summary>
    OwnerReferencesPermissionEnforcement = 4,

    /// <summary>Pod resource validation: a container's request above its limit is refused (422).</summary>
    PodResources = 8,

    /// <summary>All of the above.</summary>
    All = ServiceAccount | PodSecurity | OwnerReferencesPermissionEnforcement | PodResources,
}
