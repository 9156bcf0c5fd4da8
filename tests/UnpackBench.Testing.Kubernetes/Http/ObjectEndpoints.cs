using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.CustomResources;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>The single-object verbs: get, create, update, patch, delete, and the pod binding.</summary>
internal sealed class ObjectEndpoints(ObjectApi api)
{
    public async Task GetAsync(ApiRequest request) =>
        await HttpJson.WriteAsync(request.Context, 200, api.Get(request.Resource, request.Namespace, request.Name!));

    public async Task CreateAsync(ApiRequest request)
    {
        RejectDryRun(request);
        var body = await HttpJson.ReadObjectAsync(request.Context);
        if (request.Subresource == "binding")
        {
            api.Bind(request.Namespace!, request.Name!, body);
            await HttpJson.WriteAsync(request.Context, 201, new JsonObject
            {
                ["kind"] = "Status",
                ["apiVersion"] = "v1",
                ["metadata"] = new JsonObject(),
                ["status"] = "Success",
                ["code"] = 201,
            });
            return;
        }

        var context = WriteContextOf(request);
        var created = api.Create(request.Resource, request.Namespace, body, context);
        await HttpJson.WriteAsync(request.Context, 201, created, context.Warnings);
    }

    public async Task UpdateAsync(ApiRequest request)
    {
        RejectDryRun(request);
        var body = await HttpJson.ReadObjectAsync(request.Context);
        var context = WriteContextOf(request);
        var updated = api.Replace(request.Resource, request.Namespace, request.Name!, body, request.IsStatus, context);
        await HttpJson.WriteAsync(request.Context, 200, updated, context.Warnings);
    }

    public async Task PatchAsync(ApiRequest request)
    {
        RejectDryRun(request);
        var patch = await HttpJson.ReadAsync(request.Context);
        var context = WriteContextOf(request);
        var updated = api.Patch(request.Resource, request.Namespace, request.Name!, request.Context.Request.ContentType, patch, request.IsStatus, context);
        await HttpJson.WriteAsync(request.Context, 200, updated, context.Warnings);
    }

    public async Task DeleteAsync(ApiRequest request)
    {
        RejectDryRun(request);
        var options = DeleteOptions.From(request.Query, await HttpJson.ReadAsync(request.Context) as JsonObject);
        var (obj, removed) = api.Delete(request.Resource, request.Namespace, request.Name!, options);

        // Types that return the deleted object do so in both cases; the others return the object while
        // deletion is pending and a Success status once it is gone.
        var body = removed && !request.Resource.ReturnsDeletedObject ? HttpJson.SuccessStatus(request.Resource, obj) : obj;
        await HttpJson.WriteAsync(request.Context, 200, body);
    }

    private static WriteContext WriteContextOf(ApiRequest request) => new(FieldValidationParameter.From(request.Query), request.Identity);

    public static void RejectDryRun(ApiRequest request)
    {
        if (!string.IsNullOrEmpty(request.Query["dryRun"]))
        {
            throw ApiError.BadRequest("the API test server does not implement dryRun");
        }
    }
}
