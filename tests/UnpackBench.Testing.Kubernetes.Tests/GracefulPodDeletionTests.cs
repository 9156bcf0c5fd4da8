using k8s;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>Pods bound to a node terminate gracefully, as the kubelet and API server do it.</summary>
public sealed class GracefulPodDeletionTests
{
    [Fact]
    public async Task A_bound_pod_gets_a_deletion_timestamp_and_stays_until_the_kubelet_deletes_it_with_grace_zero()
    {
        var clock = new ManualTimeProvider();
        await using var server = await ApiTestServer.StartAsync(new ApiTestServerOptions { TimeProvider = clock });
        using var client = server.CreateClient();
        var created = await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1", nodeName: "node-1"), "ns1");

        var terminating = await client.CoreV1.DeleteNamespacedPodAsync("p1", "ns1");
        var stillThere = await client.CoreV1.ReadNamespacedPodAsync("p1", "ns1");
        await client.CoreV1.DeleteNamespacedPodAsync("p1", "ns1", new V1DeleteOptions { GracePeriodSeconds = 0, Preconditions = new V1Preconditions { Uid = created.Metadata.Uid } });

        Assert.Equal(30, terminating.Metadata.DeletionGracePeriodSeconds);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddSeconds(30), terminating.Metadata.DeletionTimestamp);
        Assert.Equal(2, stillThere.Metadata.Generation);
        Assert.Null(server.Store.Get("pods", "ns1", "p1"));
    }

    [Fact]
    public async Task The_grace_period_comes_from_the_request_or_the_pod_spec()
    {
        await using var server = await ApiTestServer.StartAsync(new ApiTestServerOptions { TimeProvider = new ManualTimeProvider() });
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("from-spec", nodeName: "node-1", gracePeriod: 7), "ns1");
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("from-request", nodeName: "node-1"), "ns1");

        var fromSpec = await client.CoreV1.DeleteNamespacedPodAsync("from-spec", "ns1");
        var fromRequest = await client.CoreV1.DeleteNamespacedPodAsync("from-request", "ns1", gracePeriodSeconds: 3);
        var shortened = await client.CoreV1.DeleteNamespacedPodAsync("from-spec", "ns1", gracePeriodSeconds: 2);

        Assert.Equal(7, fromSpec.Metadata.DeletionGracePeriodSeconds);
        Assert.Equal(3, fromRequest.Metadata.DeletionGracePeriodSeconds);
        Assert.Equal(2, shortened.Metadata.DeletionGracePeriodSeconds);
    }

    [Fact]
    public async Task A_terminating_pod_outlives_its_grace_period_until_someone_deletes_it_with_grace_zero()
    {
        var clock = new ManualTimeProvider();
        await using var server = await ApiTestServer.StartAsync(new ApiTestServerOptions { TimeProvider = clock });
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1", nodeName: "node-1", gracePeriod: 10), "ns1");
        await client.CoreV1.DeleteNamespacedPodAsync("p1", "ns1");

        // A real API server never ends a grace period itself: without a kubelet (a lost node) the pod stays.
        clock.Advance(TimeSpan.FromHours(1));
        var afterAnHour = await client.CoreV1.ReadNamespacedPodAsync("p1", "ns1");
        await client.CoreV1.DeleteNamespacedPodAsync("p1", "ns1", gracePeriodSeconds: 0);

        Assert.NotNull(afterAnHour.Metadata.DeletionTimestamp);
        Assert.Null(server.Store.Get("pods", "ns1", "p1"));
    }

    [Fact]
    public async Task A_finished_pod_is_deleted_at_once_even_when_bound()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1", nodeName: "node-1"), "ns1");
        await client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch("{\"status\":{\"phase\":\"Succeeded\"}}", V1Patch.PatchType.MergePatch), "p1", "ns1");

        await client.CoreV1.DeleteNamespacedPodAsync("p1", "ns1");

        Assert.Null(server.Store.Get("pods", "ns1", "p1"));
    }

    [Fact]
    public async Task A_watch_sees_the_graceful_deletion_as_modified_then_deleted()
    {
        await using var server = await ApiTestServer.StartAsync(new ApiTestServerOptions { TimeProvider = new ManualTimeProvider() });
        using var client = server.CreateClient();
        var created = await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1", nodeName: "node-1"), "ns1");
        await using var watch = new WatchRecorder<V1Pod>((onError, token) =>
            client.CoreV1.WatchListNamespacedPodAsync("ns1", resourceVersion: created.Metadata.ResourceVersion, onError: onError, cancellationToken: token));

        await client.CoreV1.DeleteNamespacedPodAsync("p1", "ns1");
        await client.CoreV1.DeleteNamespacedPodAsync("p1", "ns1", gracePeriodSeconds: 0);
        var events = await watch.NextAsync(2);

        Assert.Equal([WatchEventType.Modified, WatchEventType.Deleted], events.Select(e => e.Type));
        Assert.NotNull(events[0].Object.Metadata.DeletionTimestamp);
    }
}
