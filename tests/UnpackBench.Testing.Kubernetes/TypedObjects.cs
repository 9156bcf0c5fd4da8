using System.Reflection;
using System.Text.Json.Nodes;
using k8s;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// Typed access to the store, (de)serialising with KubernetesClient's <see cref="KubernetesJson"/>. The
/// resource is taken from the model's <c>KubePluralName</c>/<c>KubeGroup</c> constants (every KubernetesClient
/// model has them), or given by name (<c>"unpackbenchmarks"</c>) for types without them.
/// </summary>
public static class TypedObjects
{
    /// <summary>The stored objects of <typeparamref name="T"/>'s resource, in one namespace or all.</summary>
    public static IReadOnlyList<T> Objects<T>(this ApiTestServer server, string? @namespace = null) =>
        server.Objects<T>(ResourceOf<T>(), @namespace);

    /// <summary>The stored objects of <paramref name="resource"/>, in one namespace or all, as <typeparamref name="T"/>.</summary>
    public static IReadOnlyList<T> Objects<T>(this ApiTestServer server, string resource, string? @namespace) =>
        server.Store.List(resource, @namespace).Select(json => KubernetesJson.Deserialize<T>(json)).ToList();

    /// <summary>The stored object, or null.</summary>
    public static T? Find<T>(this ApiTestServer server, string? @namespace, string name)
        where T : class =>
        server.Find<T>(ResourceOf<T>(), @namespace, name);

    /// <summary>The stored object of <paramref name="resource"/>, or null.</summary>
    public static T? Find<T>(this ApiTestServer server, string resource, string? @namespace, string name)
        where T : class =>
        server.Store.Get(resource, @namespace, name) is { } json ? KubernetesJson.Deserialize<T>(json) : null;

    /// <summary>Stores the object as given (see <see cref="ObjectStore.Put"/>), e.g. a Node, and returns what was stored.</summary>
    public static T Put<T>(this ApiTestServer server, T obj) => server.Put(ResourceOf<T>(), obj);

    /// <summary>Stores the object as <paramref name="resource"/> and returns what was stored.</summary>
    public static T Put<T>(this ApiTestServer server, string resource, T obj)
    {
        var json = JsonNode.Parse(KubernetesJson.Serialize(obj!)) as JsonObject
            ?? throw new ArgumentException("The object does not serialise to a JSON object.", nameof(obj));
        return KubernetesJson.Deserialize<T>(server.Store.Put(resource, json));
    }

    private static string ResourceOf<T>()
    {
        var plural = typeof(T).GetField("KubePluralName", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string;
        var group = typeof(T).GetField("KubeGroup", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string ?? "";
        if (string.IsNullOrEmpty(plural))
        {
            throw new ArgumentException($"{typeof(T).Name} has no KubePluralName constant; pass the resource name (e.g. \"pods\") explicitly.");
        }

        return group.Length == 0 ? plural : $"{plural}.{group}";
    }
}
