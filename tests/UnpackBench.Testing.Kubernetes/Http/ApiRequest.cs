using Microsoft.AspNetCore.Http;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// A request to a resource, as the real server's request-info resolver sees it: the verb (get, list,
/// watch, create, update, patch, delete, deletecollection), the resource type, namespace, name and
/// subresource.
/// </summary>
internal sealed record ApiRequest(
    string Verb,
    ApiResource Resource,
    string? Namespace,
    string? Name,
    string? Subresource,
    HttpContext Context,
    RequestIdentity Identity)
{
    public bool IsStatus => Subresource == "status";

    /// <summary>The verb as the request log counts it: the status subresource is part of the verb (<c>update/status</c>).</summary>
    public string LogVerb => IsStatus ? $"{Verb}/status" : Verb;

    /// <summary>The resource as the request log counts it: other subresources are part of the resource (<c>pods/log</c>).</summary>
    public string LogResource => Subresource is null || IsStatus ? Resource.Plural : $"{Resource.Plural}/{Subresource}";

    public IQueryCollection Query => Context.Request.Query;
}
