using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// The server's one request delegate: routes, counts the request, applies injected failures, dispatches
/// to the endpoint, and answers every failure with a <c>Status</c> object.
/// </summary>
internal sealed class ApiRequestHandler(
    ApiRouter router,
    ObjectEndpoints objects,
    ListEndpoint lists,
    WatchEndpoint watches,
    PodLogEndpoint logs,
    RequestLog requestLog,
    FailureInjector failures,
    BearerTokens tokens,
    RbacAuthorizer? rbac)
{
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            if (context.Request.Path == "/version")
            {
                await HttpJson.WriteAsync(context, 200, Version());
                return;
            }

            var identity = tokens.Authenticate(context.Request);
            var request = router.Route(context, identity);
            requestLog.Record(request.LogVerb, request.LogResource, identity.UserName);
            if (failures.TryTake(request.LogVerb, request.LogResource) is { } code)
            {
                throw ApiError.Injected(code);
            }

            Authorize(request);

            await DispatchAsync(request);
        }
        catch (ApiError error) when (!context.Response.HasStarted)
        {
            await HttpJson.WriteErrorAsync(context, error);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away, or the server is stopping: nothing left to answer.
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            // A bug in the test server: answer as the real server answers a panic, with the cause.
            await HttpJson.WriteErrorAsync(context, ApiError.Internal($"Internal error occurred: {e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>With RBAC on, a request its identity may not make is a 403 with kube-apiserver's message.</summary>
    private void Authorize(ApiRequest request)
    {
        var attributes = AuthorizationAttributes.Of(request);
        if (rbac is not null && !rbac.Allows(request.Identity, attributes))
        {
            throw ApiError.Forbidden(request.Resource, request.Name, attributes.Describe(request.Identity));
        }
    }

    private Task DispatchAsync(ApiRequest request) => (request.Verb, request.Subresource) switch
    {
        ("get", "log") => logs.GetAsync(request),
        ("get", _) => objects.GetAsync(request),
        ("list", _) => lists.ListAsync(request),
        ("watch", _) => watches.WatchAsync(request),
        ("create", _) => objects.CreateAsync(request),
        ("update", _) => objects.UpdateAsync(request),
        ("patch", _) => objects.PatchAsync(request),
        ("delete", _) => objects.DeleteAsync(request),
        ("deletecollection", _) => lists.DeleteCollectionAsync(request),
        _ => throw ApiError.MethodNotAllowed($"verb {request.Verb} is not supported"),
    };

    private static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "34",
        ["gitVersion"] = "v1.34.0-unpackbench-test",
        ["platform"] = "linux/amd64",
    };
}
