using k8s;
using k8s.Autorest;
using k8s.Models;
using UnpackBench.Operator.Reconciliation;

namespace UnpackBench.Operator.Kubernetes;

/// <summary>The agent pods: list and watch (by the managed-by label), create, delete, read logs.</summary>
internal sealed class PodApi(IKubernetes client, string? watchNamespace)
{
    private const int WatchTimeoutSeconds = 300;

    /// <summary>Lists the operator's pods.</summary>
    public async Task<(IList<V1Pod> Items, string ResourceVersion)> ListAsync(CancellationToken cancellationToken)
    {
        var list = watchNamespace is null
            ? await client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: ObjectNames.ManagedSelector, cancellationToken: cancellationToken)
            : await client.CoreV1.ListNamespacedPodAsync(watchNamespace, labelSelector: ObjectNames.ManagedSelector, cancellationToken: cancellationToken);
        return (list.Items, list.Metadata.ResourceVersion ?? "");
    }

    /// <summary>Watches the operator's pods from <paramref name="resourceVersion"/>; stream errors go to <paramref name="onError"/>.</summary>
    public IAsyncEnumerable<(WatchEventType, V1Pod)> WatchAsync(string resourceVersion, Action<Exception> onError, CancellationToken cancellationToken)
    {
        return watchNamespace is null
            ? client.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, labelSelector: ObjectNames.ManagedSelector, resourceVersion: resourceVersion, timeoutSeconds: WatchTimeoutSeconds, onError: onError, cancellationToken: cancellationToken)
            : client.CoreV1.WatchListNamespacedPodAsync(watchNamespace, allowWatchBookmarks: true, labelSelector: ObjectNames.ManagedSelector, resourceVersion: resourceVersion, timeoutSeconds: WatchTimeoutSeconds, onError: onError, cancellationToken: cancellationToken);
    }

    /// <summary>Creates the pod; an existing pod of that name (a previous attempt) is returned instead.</summary>
    public async Task<V1Pod> CreateAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CoreV1.CreateNamespacedPodAsync(pod, pod.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            return await client.CoreV1.ReadNamespacedPodAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Deletes the pod; a pod already gone is fine.</summary>
    public async Task DeleteAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        try
        {
            await client.CoreV1.DeleteNamespacedPodAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
        }
    }

    /// <summary>Reads the pod, or null when it is gone.</summary>
    public async Task<V1Pod?> ReadAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CoreV1.ReadNamespacedPodAsync(name, @namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Opens the agent container's log, streaming new lines while it runs.</summary>
    public Task<Stream> OpenLogAsync(V1Pod pod, CancellationToken cancellationToken) =>
        client.CoreV1.ReadNamespacedPodLogAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty, container: AgentPodBuilder.ContainerName, follow: true, cancellationToken: cancellationToken);
}
