using System.Text;
using k8s;
using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// A container's environment as the kubelet builds it: <c>env</c> in order, each value expanded with the
/// variables before it; <c>valueFrom</c> with <c>fieldRef</c> (<c>metadata.name</c>, <c>metadata.namespace</c>,
/// <c>metadata.uid</c>, <c>metadata.labels['…']</c>, <c>metadata.annotations['…']</c>, <c>spec.nodeName</c>,
/// <c>spec.serviceAccountName</c>, <c>status.hostIP</c>, <c>status.podIP</c>), <c>secretKeyRef</c> and
/// <c>configMapKeyRef</c> read through the API. Anything else is a CreateContainerConfigError.
/// </summary>
internal static class ContainerEnvironment
{
    /// <summary>The pod's address on a test node (the node's own, as with hostNetwork).</summary>
    public const string NodeAddress = "127.0.0.1";

    private const string ConfigError = "CreateContainerConfigError";

    /// <summary>The variables, in order of first definition (a later definition of a name wins, as in Kubernetes).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ResolveAsync(IKubernetes client, V1Pod pod, V1Container container, CancellationToken cancellationToken)
    {
        if (container.EnvFrom is { Count: > 0 })
        {
            throw new ContainerSetupException(ConfigError, "envFrom is not supported by the test kubelet; use env", retryable: false);
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in container.Env ?? [])
        {
            var value = variable.ValueFrom is { } source
                ? await ValueFromAsync(client, pod, source, cancellationToken)
                : VariableExpansion.Expand(variable.Value ?? "", variables);
            if (value is not null)
            {
                variables[variable.Name] = value;
            }
        }

        return variables;
    }

    private static async Task<string?> ValueFromAsync(IKubernetes client, V1Pod pod, V1EnvVarSource source, CancellationToken cancellationToken)
    {
        if (source.FieldRef is { } field)
        {
            return FieldValue(pod, field.FieldPath);
        }

        if (source.SecretKeyRef is { } secretKey)
        {
            var secret = await ApiReads.SecretAsync(client, pod.Namespace(), secretKey.Name, cancellationToken);
            return Lookup(secret is null ? null : ApiReads.SecretData(secret), "secret", "Secret", pod.Namespace(), secretKey.Name, secretKey.Key, secretKey.Optional);
        }

        if (source.ConfigMapKeyRef is { } mapKey)
        {
            var map = await ApiReads.ConfigMapAsync(client, pod.Namespace(), mapKey.Name, cancellationToken);
            return Lookup(map is null ? null : ApiReads.ConfigMapData(map), "configmap", "ConfigMap", pod.Namespace(), mapKey.Name, mapKey.Key, mapKey.Optional);
        }

        throw new ContainerSetupException(ConfigError, "the test kubelet supports valueFrom with fieldRef, secretKeyRef and configMapKeyRef only", retryable: false);
    }

    private static string? Lookup(IReadOnlyDictionary<string, byte[]>? data, string lowerKind, string kind, string @namespace, string name, string key, bool? optional)
    {
        if (data is null)
        {
            return optional == true ? null : throw new ContainerSetupException(ConfigError, $"{lowerKind} \"{name}\" not found", retryable: true);
        }

        if (!data.TryGetValue(key, out var bytes))
        {
            return optional == true ? null : throw new ContainerSetupException(ConfigError, $"couldn't find key {key} in {kind} {@namespace}/{name}", retryable: true);
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static string FieldValue(V1Pod pod, string path)
    {
        var value = path switch
        {
            "metadata.name" => pod.Name(),
            "metadata.namespace" => pod.Namespace(),
            "metadata.uid" => pod.Uid(),
            "spec.nodeName" => pod.Spec.NodeName,
            "spec.serviceAccountName" => pod.Spec.ServiceAccountName ?? "",
            "status.hostIP" or "status.podIP" or "status.hostIPs" or "status.podIPs" => NodeAddress,
            _ when MapEntry(path, "metadata.labels") is { } label => pod.Metadata.Labels?.TryGetValue(label, out var v) == true ? v : "",
            _ when MapEntry(path, "metadata.annotations") is { } annotation => pod.Metadata.Annotations?.TryGetValue(annotation, out var v) == true ? v : "",
            _ => null,
        };
        return value ?? throw new ContainerSetupException(ConfigError, $"unsupported fieldRef fieldPath \"{path}\"", retryable: false);
    }

    /// <summary>The key of <c>metadata.labels['key']</c>-style paths.</summary>
    private static string? MapEntry(string path, string map) =>
        path.StartsWith(map + "['", StringComparison.Ordinal) && path.EndsWith("']", StringComparison.Ordinal)
            ? path[(map.Length + 2)..^2]
            : null;
}
