namespace UnpackBench.Testing.Kubernetes;

/// <summary>What a request asks to do, as RBAC sees it: <c>update</c> <c>unpackbenchmarks/finalizers</c> in group <c>unpackbench.io</c>, namespace, name.</summary>
internal sealed record AuthorizationAttributes(string Verb, string ApiGroup, string Resource, string? Subresource, string? Namespace, string? Name)
{
    public static AuthorizationAttributes Of(ApiRequest request) =>
        new(request.Verb, request.Resource.Group, request.Resource.Plural, request.Subresource, request.Namespace, request.Name);

    /// <summary>The resource as RBAC rules name it: <c>pods</c> or <c>pods/log</c>.</summary>
    public string RuleResource => Subresource is null ? Resource : $"{Resource}/{Subresource}";

    /// <summary>kube-apiserver's wording for a refusal: <c>User "x" cannot create resource "configmaps" in API group "" in the namespace "ns"</c>.</summary>
    public string Describe(RequestIdentity identity) => Namespace is { Length: > 0 }
        ? $"User \"{identity.UserName}\" cannot {Verb} resource \"{RuleResource}\" in API group \"{ApiGroup}\" in the namespace \"{Namespace}\""
        : $"User \"{identity.UserName}\" cannot {Verb} resource \"{RuleResource}\" in API group \"{ApiGroup}\" at the cluster scope";
}
