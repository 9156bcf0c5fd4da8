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

    /// <summary>
    /// Creates the pod. An existing pod of that name is returned instead only when the same owner (by
    /// uid) controls it — a previous attempt whose answer was lost; one anybody else owns is never
    /// adopted. Throws <see cref="ApiRefusal"/> when the API server refuses the pod for good.
    /// </summary>
    public async Task<V1Pod> CreateAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        var owner = pod.Metadata.OwnerReferences.Single(o => o.Controller == true);
        try
        {
            return await client.CoreV1.CreateNamespacedPodAsync(pod, pod.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            var existing = await client.CoreV1.ReadNamespacedPodAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
            return existing.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == owner.Uid) == true
                ? existing
                : throw new ApiRefusal(409, "NameTaken", $"pod {pod.Metadata.Name} already exists and belongs to {Describe(existing)}; delete it or rename the benchmark", e);
        }
        catch (HttpOperationException e) when (ApiRefusal.From(e) is { } refusal)
        {
            throw refusal;
        }
    }

    private static string Describe(V1Pod pod) => pod.Metadata.OwnerReferences?.FirstOrDefault(o => o.Controller == true) is { } controller
        ? $"{controller.Kind} {controller.Name} (uid {controller.Uid})"
        : "no controller";

    /// <summary>
    /// Deletes that very pod (its uid is a precondition, so a namesake is never hit); a pod already gone is
    /// fine. <paramref name="force"/> deletes it without a grace period, for a pod whose node is lost.
    /// </summary>
    public async Task<V1Pod?> DeleteAsync(V1Pod pod, CancellationToken cancellationToken, bool force = false)
    {
        try
        {
            var options = new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = pod.Metadata.Uid }, GracePeriodSeconds = force ? 0 : null };
            return await client.CoreV1.DeleteNamespacedPodAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty, options, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Conflict)
        {
            return null;
        }
    }

    /// <summary>Opens the agent container's log, streaming new lines while it runs.</summary>
    public Task<Stream> OpenLogAsync(V1Pod pod, CancellationToken cancellationToken) =>
        client.CoreV1.ReadNamespacedPodLogAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty, container: AgentPodBuilder.ContainerName, follow: true, cancellationToken: cancellationToken);
}
