using k8s;
using k8s.Models;

namespace UnpackBench.Operator.Kubernetes;

/// <summary>The cluster's nodes, read only: a survey fixes its nodes from them and notices when one is lost.</summary>
internal sealed class NodeApi(IKubernetes client)
{
    private const int WatchTimeoutSeconds = 300;

    /// <summary>Lists the nodes.</summary>
    public async Task<(IList<V1Node> Items, string ResourceVersion)> ListAsync(CancellationToken cancellationToken)
    {
        var list = await client.CoreV1.ListNodeAsync(cancellationToken: cancellationToken);
        return (list.Items, list.Metadata.ResourceVersion ?? "");
    }

    /// <summary>Watches the nodes from <paramref name="resourceVersion"/>; stream errors go to <paramref name="onError"/>.</summary>
    public IAsyncEnumerable<(WatchEventType, V1Node)> WatchAsync(string resourceVersion, Action<Exception> onError, CancellationToken cancellationToken) =>
        client.CoreV1.WatchListNodeAsync(allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: WatchTimeoutSeconds, onError: onError, cancellationToken: cancellationToken);
}
