using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// LIST and DELETE of a collection, filtered by <c>labelSelector</c> and <c>fieldSelector</c>. LIST always
/// serves the latest state (a <c>resourceVersion</c> parameter is ignored) and pages with
/// <c>limit</c>/<c>continue</c> in namespace/name order; a continued page reads the state of its own
/// time, not a snapshot of the first page's.
/// </summary>
internal sealed class ListEndpoint(ObjectApi api)
{
    private readonly ObjectStore _store = api.Store;

    public async Task ListAsync(ApiRequest request)
    {
        var matches = Matcher(request);
        var limit = int.TryParse(request.Query["limit"], out var l) && l > 0 ? l : int.MaxValue;
        var start = DecodeContinue(request.Query["continue"]);
        var list = new JsonObject { ["kind"] = request.Resource.ListKind, ["apiVersion"] = request.Resource.ApiVersion };
        var items = new JsonArray();
        var metadata = new JsonObject();
        lock (_store.Gate)
        {
            metadata["resourceVersion"] = _store.ResourceVersion.ToString(CultureInfo.InvariantCulture);
            var selected = _store.Entries(request.Resource, request.Namespace)
                .Where(e => start is null || string.CompareOrdinal(Position(e.Key), start) > 0)
                .Where(e => matches(e.Value))
                .ToList();
            foreach (var (_, obj) in selected.Take(limit))
            {
                items.Add(AsListItem(request.Resource, obj));
            }

            if (selected.Count > limit)
            {
                metadata["continue"] = EncodeContinue(Position(selected[limit - 1].Key));
                metadata["remainingItemCount"] = selected.Count - limit;
            }
        }

        list["metadata"] = metadata;
        list["items"] = items;
        await HttpJson.WriteAsync(request.Context, 200, list);
    }

    public async Task DeleteCollectionAsync(ApiRequest request)
    {
        ObjectEndpoints.RejectDryRun(request);
        var matches = Matcher(request);
        var options = DeleteOptions.From(request.Query, await HttpJson.ReadAsync(request.Context) as JsonObject);
        lock (_store.Gate)
        {
            foreach (var (_, obj) in _store.Entries(request.Resource, request.Namespace).Where(e => matches(e.Value)))
            {
                api.Delete(request.Resource, obj, options);
            }
        }

        await HttpJson.WriteAsync(request.Context, 200, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
        });
    }

    /// <summary>The request's label and field selectors as one predicate over stored objects.</summary>
    public static Func<JsonObject, bool> Matcher(ApiRequest request)
    {
        var labels = LabelSelector.Parse(request.Query["labelSelector"]);
        var fields = FieldSelector.Parse(request.Query["fieldSelector"], request.Resource);
        return obj => labels.Matches(ObjectMeta.Labels(obj)) && fields.Matches(obj);
    }

    /// <summary>Lists of built-in types carry no kind/apiVersion on their items; custom resource lists do.</summary>
    private static JsonObject AsListItem(ApiResource resource, JsonObject obj)
    {
        var item = (JsonObject)obj.DeepClone();
        if (!resource.IsCustom)
        {
            item.Remove("kind");
            item.Remove("apiVersion");
        }

        return item;
    }

    private static string Position(ObjectKey key) => $"{key.Namespace}/{key.Name}";

    private static string EncodeContinue(string position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["start"] = position }.ToJsonString()));

    private static string? DecodeContinue(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return ObjectMeta.Text(JsonNode.Parse(Convert.FromBase64String(token)), "start") ?? throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw ApiError.BadRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
        }
    }
}
