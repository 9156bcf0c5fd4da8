namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// A resource type the test server serves, as the real API server's discovery describes it:
/// group, version, the plural used in URLs and the kind of its objects.
/// </summary>
/// <param name="Group">API group; empty for the core group (<c>/api/v1</c>).</param>
/// <param name="Version">API version, e.g. <c>v1</c>.</param>
/// <param name="Plural">Resource name in URLs, e.g. <c>pods</c>.</param>
/// <param name="Kind">Kind of its objects, e.g. <c>Pod</c>.</param>
/// <param name="Namespaced">Whether objects live in a namespace.</param>
/// <param name="HasStatusSubresource">Whether <c>/status</c> is served and the main endpoint ignores status.</param>
/// <param name="IsCustom">Whether it was registered as a custom resource.</param>
public sealed record ApiResource(
    string Group,
    string Version,
    string Plural,
    string Kind,
    bool Namespaced,
    bool HasStatusSubresource,
    bool IsCustom = false)
{
    /// <summary>The objects' <c>apiVersion</c>: <c>v1</c> or <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The kind as errors name it: <c>Pod</c>, <c>UnpackBenchmark.unpackbench.io</c>.</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    /// <summary>Kind of the list objects, e.g. <c>PodList</c>.</summary>
    public string ListKind => Kind + "List";

    /// <summary>The name kubectl uses: <c>pods</c>, <c>leases.coordination.k8s.io</c>.</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>Whether DELETE answers with the object (pods, custom resources) rather than a Status.</summary>
    public bool ReturnsDeletedObject => IsCustom || Plural is "pods" or "serviceaccounts";

    /// <inheritdoc />
    public override string ToString() => QualifiedName;
}
