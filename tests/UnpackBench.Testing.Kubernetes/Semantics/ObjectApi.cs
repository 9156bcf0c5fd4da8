using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// The API server's write path over the store: create, update, patch and delete with the semantics the
/// operator relies on (server-owned metadata, optimistic concurrency, status subresource, generation,
/// finalizers, graceful deletion). Every operation runs under the store's lock, so it sees and leaves a
/// consistent state and its events are ordered by resourceVersion.
/// </summary>
internal sealed partial class ObjectApi
{
    private readonly ObjectStore _store;
    private readonly TimeProvider _time;
    private readonly ResourceCatalog _catalog;
    private readonly AdmissionChain _admission;

    public ObjectApi(ObjectStore store, TimeProvider time, ResourceCatalog catalog, AdmissionChain admission)
    {
        _store = store;
        _time = time;
        _catalog = catalog;
        _admission = admission;
    }

    /// <summary>When set, namespaced objects can only be created in namespaces that exist as objects.</summary>
    public bool NamespacesRequired { get; set; }

    public ObjectStore Store => _store;

    public JsonObject Get(ApiResource type, string? @namespace, string name)
    {
        lock (_store.Gate)
        {
            return Clone(Existing(type, @namespace, name));
        }
    }

    private JsonObject Existing(ApiResource type, string? @namespace, string name) =>
        _store.Find(type, @namespace, name) ?? throw ApiError.NotFound(type, name);

    private string Now() => ObjectMeta.Timestamp(_time.GetUtcNow());

    private static JsonObject Clone(JsonObject obj) => (JsonObject)obj.DeepClone();

    /// <summary>The body's kind and apiVersion must be absent or those of the URL's resource; they are then set.</summary>
    private static void CheckTypeMeta(ApiResource type, JsonObject body)
    {
        var kind = ObjectMeta.Text(body, "kind");
        var apiVersion = ObjectMeta.Text(body, "apiVersion");
        if ((kind is not null && kind != type.Kind) || (apiVersion is not null && apiVersion != type.ApiVersion))
        {
            throw ApiError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion}) or the kind ({kind}) is not {type.Kind}");
        }

        body["kind"] = type.Kind;
        body["apiVersion"] = type.ApiVersion;
    }

    /// <summary>The body's namespace must be absent or the URL's; it is then set (and cleared for cluster-scoped types).</summary>
    private static void CheckNamespace(ApiResource type, string? urlNamespace, JsonObject body)
    {
        var metadata = ObjectMeta.Metadata(body);
        if (!type.Namespaced)
        {
            metadata.Remove("namespace");
            return;
        }

        var bodyNamespace = ObjectMeta.Namespace(body);
        if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != urlNamespace)
        {
            throw ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        metadata["namespace"] = urlNamespace;
    }
}
