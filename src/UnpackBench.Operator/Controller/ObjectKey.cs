using k8s;
using k8s.Models;

namespace UnpackBench.Operator.Controller;

/// <summary>The <c>namespace/name</c> key by which caches, the work queue and the log followers know an object.</summary>
internal static class ObjectKey
{
    /// <summary>The key of <paramref name="name"/> in <paramref name="namespace"/> (empty for cluster-scoped objects).</summary>
    public static string Of(string? @namespace, string name) => $"{@namespace}/{name}";

    /// <summary>The key of <paramref name="item"/>.</summary>
    public static string Of(IKubernetesObject<V1ObjectMeta> item) => Of(item.Metadata.NamespaceProperty, item.Metadata.Name);

    /// <summary>The namespace (null when empty) and name of <paramref name="key"/>.</summary>
    public static (string? Namespace, string Name) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (slash <= 0 ? null : key[..slash], key[(slash + 1)..]);
    }
}
