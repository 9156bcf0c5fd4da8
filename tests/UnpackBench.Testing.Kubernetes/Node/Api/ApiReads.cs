using System.Text;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>Reads of the objects pods refer to, null when they do not exist.</summary>
internal static class ApiReads
{
    /// <summary>The secret, or null.</summary>
    public static async Task<V1Secret?> SecretAsync(IKubernetes client, string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CoreV1.ReadNamespacedSecretAsync(name, @namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
        {
            return null;
        }
    }

    /// <summary>The config map, or null.</summary>
    public static async Task<V1ConfigMap?> ConfigMapAsync(IKubernetes client, string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CoreV1.ReadNamespacedConfigMapAsync(name, @namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
        {
            return null;
        }
    }

    /// <summary>A secret's keys: <c>data</c>, and <c>stringData</c> in case the server kept it as written.</summary>
    public static IReadOnlyDictionary<string, byte[]> SecretData(V1Secret secret)
    {
        var data = new Dictionary<string, byte[]>(secret.Data ?? new Dictionary<string, byte[]>(), StringComparer.Ordinal);
        foreach (var (key, value) in secret.StringData ?? new Dictionary<string, string>())
        {
            data[key] = Encoding.UTF8.GetBytes(value);
        }

        return data;
    }

    /// <summary>A config map's keys: <c>data</c> and <c>binaryData</c>.</summary>
    public static IReadOnlyDictionary<string, byte[]> ConfigMapData(V1ConfigMap map)
    {
        var data = new Dictionary<string, byte[]>(map.BinaryData ?? new Dictionary<string, byte[]>(), StringComparer.Ordinal);
        foreach (var (key, value) in map.Data ?? new Dictionary<string, string>())
        {
            data[key] = Encoding.UTF8.GetBytes(value);
        }

        return data;
    }
}
