using System.Text.Json;
using k8s;
using k8s.Models;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Kubernetes;

/// <summary>UnpackBenchmark resources over the API: list, watch, and writes to the status subresource only.</summary>
internal sealed class BenchmarkApi(IKubernetes client, string? watchNamespace)
{
    private const int WatchTimeoutSeconds = 300;

    /// <summary>Lists benchmarks (all namespaces, or the watched one).</summary>
    public async Task<(IList<V1Alpha1UnpackBenchmark> Items, string ResourceVersion)> ListAsync(CancellationToken cancellationToken)
    {
        var raw = watchNamespace is null
            ? await client.CustomObjects.ListClusterCustomObjectAsync(V1Alpha1UnpackBenchmark.Group, V1Alpha1UnpackBenchmark.Version, V1Alpha1UnpackBenchmark.Plural, cancellationToken: cancellationToken)
            : await client.CustomObjects.ListNamespacedCustomObjectAsync(V1Alpha1UnpackBenchmark.Group, V1Alpha1UnpackBenchmark.Version, watchNamespace, V1Alpha1UnpackBenchmark.Plural, cancellationToken: cancellationToken);
        var list = Convert<V1Alpha1UnpackBenchmarkList>(raw);
        return (list.Items, list.Metadata.ResourceVersion ?? "");
    }

    /// <summary>Watches benchmarks from <paramref name="resourceVersion"/>; stream errors go to <paramref name="onError"/>.</summary>
    public async IAsyncEnumerable<(WatchEventType, V1Alpha1UnpackBenchmark)> WatchAsync(
        string resourceVersion, Action<Exception> onError, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = watchNamespace is null
            ? client.CustomObjects.WatchListClusterCustomObjectAsync(
                V1Alpha1UnpackBenchmark.Group, V1Alpha1UnpackBenchmark.Version, V1Alpha1UnpackBenchmark.Plural,
                allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: WatchTimeoutSeconds, onError: onError, cancellationToken: cancellationToken)
            : client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                V1Alpha1UnpackBenchmark.Group, V1Alpha1UnpackBenchmark.Version, watchNamespace, V1Alpha1UnpackBenchmark.Plural,
                allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: WatchTimeoutSeconds, onError: onError, cancellationToken: cancellationToken);
        await foreach (var (type, raw) in events)
        {
            yield return (type, Convert<V1Alpha1UnpackBenchmark>(raw));
        }
    }

    /// <summary>Writes <paramref name="benchmark"/>'s status (resourceVersion checked); returns the stored object.</summary>
    public async Task<V1Alpha1UnpackBenchmark> ReplaceStatusAsync(V1Alpha1UnpackBenchmark benchmark, CancellationToken cancellationToken)
    {
        var raw = await client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(
            benchmark, V1Alpha1UnpackBenchmark.Group, V1Alpha1UnpackBenchmark.Version, benchmark.Metadata.NamespaceProperty,
            V1Alpha1UnpackBenchmark.Plural, benchmark.Metadata.Name, cancellationToken: cancellationToken);
        return Convert<V1Alpha1UnpackBenchmark>(raw);
    }

    /// <summary>
    /// Adds or removes <see cref="Reconciliation.BenchmarkFinalizer"/> with a JSON patch that first tests
    /// the resourceVersion (a concurrent change makes it fail with 409 and the reconcile run again), so
    /// other controllers' finalizers are never overwritten. Returns the stored object.
    /// </summary>
    public async Task<V1Alpha1UnpackBenchmark> SetFinalizerAsync(V1Alpha1UnpackBenchmark benchmark, bool on, CancellationToken cancellationToken)
    {
        var finalizers = benchmark.Metadata.Finalizers ?? [];
        var test = new { op = "test", path = "/metadata/resourceVersion", value = benchmark.Metadata.ResourceVersion };
        object change = on
            ? finalizers.Count == 0
                ? new { op = "add", path = "/metadata/finalizers", value = new[] { Reconciliation.BenchmarkFinalizer.Name } }
                : new { op = "add", path = "/metadata/finalizers/-", value = (object)Reconciliation.BenchmarkFinalizer.Name }
            : new { op = "remove", path = $"/metadata/finalizers/{finalizers.IndexOf(Reconciliation.BenchmarkFinalizer.Name)}" };
        var patch = new V1Patch(JsonSerializer.Serialize(new[] { test, change }), V1Patch.PatchType.JsonPatch);
        var raw = await client.CustomObjects.PatchNamespacedCustomObjectAsync(
            patch, V1Alpha1UnpackBenchmark.Group, V1Alpha1UnpackBenchmark.Version, benchmark.Metadata.NamespaceProperty,
            V1Alpha1UnpackBenchmark.Plural, benchmark.Metadata.Name, cancellationToken: cancellationToken);
        return Convert<V1Alpha1UnpackBenchmark>(raw);
    }

    // The custom-objects API returns untyped JSON; the client's own serializer maps it to our types.
    private static T Convert<T>(object raw) => raw switch
    {
        T typed => typed,
        JsonElement element => KubernetesJson.Deserialize<T>(element.GetRawText()),
        _ => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(raw)),
    };
}
