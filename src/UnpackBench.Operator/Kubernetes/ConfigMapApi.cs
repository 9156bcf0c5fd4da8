using k8s;
using k8s.Autorest;
using k8s.Models;
using UnpackBench.Operator.Reconciliation;

namespace UnpackBench.Operator.Kubernetes;

/// <summary>The result ConfigMaps: list and watch (by the managed-by label), create or replace.</summary>
internal sealed class ConfigMapApi(IKubernetes client, string? watchNamespace)
{
    private const int WatchTimeoutSeconds = 300;

    /// <summary>Lists the operator's ConfigMaps.</summary>
    public async Task<(IList<V1ConfigMap> Items, string ResourceVersion)> ListAsync(CancellationToken cancellationToken)
    {
        var list = watchNamespace is null
            ? await client.CoreV1.ListConfigMapForAllNamespacesAsync(labelSelector: ObjectNames.ManagedSelector, cancellationToken: cancellationToken)
            : await client.CoreV1.ListNamespacedConfigMapAsync(watchNamespace, labelSelector: ObjectNames.ManagedSelector, cancellationToken: cancellationToken);
        return (list.Items, list.Metadata.ResourceVersion ?? "");
    }

    /// <summary>Watches the operator's ConfigMaps from <paramref name="resourceVersion"/>; stream errors go to <paramref name="onError"/>.</summary>
    public IAsyncEnumerable<(WatchEventType, V1ConfigMap)> WatchAsync(string resourceVersion, Action<Exception> onError, CancellationToken cancellationToken)
    {
        return watchNamespace is null
            ? client.CoreV1.WatchListConfigMapForAllNamespacesAsync(allowWatchBookmarks: true, labelSelector: ObjectNames.ManagedSelector, resourceVersion: resourceVersion, timeoutSeconds: WatchTimeoutSeconds, onError: onError, cancellationToken: cancellationToken)
            : client.CoreV1.WatchListNamespacedConfigMapAsync(watchNamespace, allowWatchBookmarks: true, labelSelector: ObjectNames.ManagedSelector, resourceVersion: resourceVersion, timeoutSeconds: WatchTimeoutSeconds, onError: onError, cancellationToken: cancellationToken);
    }

    /// <summary>Writes the ConfigMap: creates it, or replaces the one of that name (<paramref name="existing"/>, if known).</summary>
    public async Task<V1ConfigMap> WriteAsync(V1ConfigMap wanted, V1ConfigMap? existing, CancellationToken cancellationToken)
    {
        var @namespace = wanted.Metadata.NamespaceProperty;
        if (existing is null)
        {
            try
            {
                return await client.CoreV1.CreateNamespacedConfigMapAsync(wanted, @namespace, cancellationToken: cancellationToken);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                existing = await client.CoreV1.ReadNamespacedConfigMapAsync(wanted.Metadata.Name, @namespace, cancellationToken: cancellationToken);
            }
        }

        wanted.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
        return await client.CoreV1.ReplaceNamespacedConfigMapAsync(wanted, wanted.Metadata.Name, @namespace, cancellationToken: cancellationToken);
    }
}
