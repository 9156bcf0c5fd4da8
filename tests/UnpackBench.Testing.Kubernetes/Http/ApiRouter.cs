using Microsoft.AspNetCore.Http;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// Maps URLs to resources the way the real server lays them out:
/// <c>/api/v1[/namespaces/{ns}]/{plural}[/{name}[/{subresource}]]</c> and
/// <c>/apis/{group}/{version}[/namespaces/{ns}]/{plural}[/{name}[/{subresource}]]</c>.
/// A namespaced type without a namespace in the URL only lists and watches across all namespaces.
/// </summary>
internal sealed class ApiRouter(ResourceCatalog catalog)
{
    private static readonly Dictionary<string, string[]> Subresources = new(StringComparer.Ordinal)
    {
        ["pods"] = ["status", "log", "binding"],
        ["nodes"] = ["status"],
        ["namespaces"] = ["status"],
    };

    /// <exception cref="ApiError">404 for a path no resource is served at, 405 for a method it does not take.</exception>
    public ApiRequest Route(HttpContext context, RequestIdentity identity)
    {
        var segments = (context.Request.Path.Value ?? "").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (group, version, rest) = segments switch
        {
            ["api", var v, .. var r] => ("", v, r),
            ["apis", var g, var v, .. var r] => (g, v, r),
            _ => throw ApiError.NoSuchPath(),
        };

        string? ns = null;
        if (rest is ["namespaces", var n, var plural, ..] && plural is not ("status" or "finalize"))
        {
            ns = n;
            rest = rest[2..];
        }

        if (rest.Length is 0 or > 3)
        {
            throw ApiError.NoSuchPath();
        }

        var resource = catalog.Find(group, version, rest[0]) ?? throw ApiError.NoSuchPath();
        var name = rest.Length > 1 ? rest[1] : null;
        var subresource = rest.Length > 2 ? rest[2] : null;
        if ((ns is not null && !resource.Namespaced) || (ns is null && resource.Namespaced && name is not null))
        {
            throw ApiError.NoSuchPath();
        }

        if (subresource is not null && !IsServed(resource, subresource))
        {
            throw ApiError.NoSuchPath();
        }

        return new ApiRequest(Verb(context.Request, name, subresource), resource, ns, name, subresource, context, identity);
    }

    private static bool IsServed(ApiResource resource, string subresource) =>
        resource.IsCustom
            ? subresource == "status" && resource.HasStatusSubresource
            : Subresources.TryGetValue(resource.Plural, out var served) && served.Contains(subresource);

    private static string Verb(HttpRequest request, string? name, string? subresource)
    {
        var verb = (request.Method, name is null) switch
        {
            ("GET", true) => IsWatch(request) ? "watch" : "list",
            ("GET", false) => "get",
            ("POST", true) => "create",
            ("POST", false) when subresource == "binding" => "create",
            ("PUT", false) => "update",
            ("PATCH", false) => "patch",
            ("DELETE", false) => "delete",
            ("DELETE", true) => "deletecollection",
            _ => throw ApiError.MethodNotAllowed($"the server does not allow this method on the requested resource ({request.Method} {request.Path})"),
        };
        var allowed = subresource switch
        {
            null => true,
            "status" => verb is "get" or "update" or "patch",
            "log" => verb == "get",
            "binding" => verb == "create",
            _ => false,
        };
        return allowed ? verb : throw ApiError.MethodNotAllowed($"the server does not allow this method on the requested resource ({request.Method} {request.Path})");
    }

    private static bool IsWatch(HttpRequest request) => request.Query["watch"].ToString() is "true" or "1" or "True";
}
