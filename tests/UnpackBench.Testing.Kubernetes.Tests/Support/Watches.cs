using k8s;
using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Tests.Support;

/// <summary>Watches the tests open through KubernetesClient's typed watch helpers.</summary>
internal static class Watches
{
    public static WatchRecorder<V1Pod> Pods(k8s.Kubernetes client, string ns, string? resourceVersion) =>
        new((onError, token) => client.CoreV1.WatchListNamespacedPodAsync(ns, resourceVersion: resourceVersion, onError: onError, cancellationToken: token));

    public static WatchRecorder<V1ConfigMap> ConfigMaps(k8s.Kubernetes client, string resourceVersion) =>
        new((onError, token) => client.CoreV1.WatchListNamespacedConfigMapAsync("ns1", resourceVersion: resourceVersion, onError: onError, cancellationToken: token));
}
