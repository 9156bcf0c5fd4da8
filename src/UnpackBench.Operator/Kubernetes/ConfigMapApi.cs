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

    /// <summary>
    /// Writes the ConfigMap: creates it, or replaces the one of that name (<paramref name="existing"/>, if
    /// known) when the same owner (by uid) controls it. One left behind by a deleted benchmark of the
    /// same name (no garbage collector got to it yet) is deleted first, never adopted; one anybody else
    /// owns is left alone and the write fails with a sentence saying so.
    /// </summary>
    public async Task<V1ConfigMap> WriteAsync(V1ConfigMap wanted, V1ConfigMap? existing, CancellationToken cancellationToken)
    {
        var @namespace = wanted.Metadata.NamespaceProperty;
        var owner = wanted.Metadata.OwnerReferences.Single(o => o.Controller == true);
        for (var attempt = 0; ; attempt++)
        {
            if (existing is not null && !ControlledBy(existing, owner.Uid))
            {
                await DeleteLeftoverAsync(existing, owner, cancellationToken);
                existing = null;
            }

            if (existing is not null)
            {
                wanted.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
                return await client.CoreV1.ReplaceNamespacedConfigMapAsync(wanted, wanted.Metadata.Name, @namespace, cancellationToken: cancellationToken);
            }

            try
            {
                return await client.CoreV1.CreateNamespacedConfigMapAsync(wanted, @namespace, cancellationToken: cancellationToken);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict && attempt == 0)
            {
                existing = await client.CoreV1.ReadNamespacedConfigMapAsync(wanted.Metadata.Name, @namespace, cancellationToken: cancellationToken);
            }
        }
    }

    /// <summary>Deletes that very ConfigMap (by uid); one already gone is fine.</summary>
    public async Task DeleteAsync(V1ConfigMap configMap, CancellationToken cancellationToken)
    {
        try
        {
            await client.CoreV1.DeleteNamespacedConfigMapAsync(
                configMap.Metadata.Name, configMap.Metadata.NamespaceProperty, new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = configMap.Metadata.Uid } }, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Conflict)
        {
        }
    }

    private async Task DeleteLeftoverAsync(V1ConfigMap existing, V1OwnerReference owner, CancellationToken cancellationToken)
    {
        // Names are unique per namespace: a benchmark of this name with another uid is a deleted one.
        var controller = existing.Metadata.OwnerReferences?.FirstOrDefault(o => o.Controller == true);
        if (controller is null || controller.Kind != owner.Kind || controller.Name != owner.Name || controller.ApiVersion != owner.ApiVersion)
        {
            throw new InvalidOperationException(
                $"ConfigMap {existing.Metadata.Name} already exists and does not belong to benchmark {owner.Name}; delete or rename it so the result can be written");
        }

        await DeleteAsync(existing, cancellationToken);
    }

    private static bool ControlledBy(V1ConfigMap configMap, string uid) =>
        configMap.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == uid) == true;
}
