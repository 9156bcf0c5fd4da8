using System.Text.Json;
using k8s;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>WATCH through the client's watch helpers.</summary>
public sealed class WatchTests
{
    [Fact]
    public async Task A_watch_from_a_list_sees_added_modified_and_deleted_in_order()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var list = await client.CoreV1.ListNamespacedPodAsync("ns1");
        await using var watch = Watches.Pods(client, "ns1", list.Metadata.ResourceVersion);

        var created = await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1");
        var labelled = await client.CoreV1.PatchNamespacedPodAsync(new V1Patch("{\"metadata\":{\"labels\":{\"a\":\"b\"}}}", V1Patch.PatchType.MergePatch), "p1", "ns1");
        await client.CoreV1.DeleteNamespacedPodAsync("p1", "ns1");
        var events = await watch.NextAsync(3);

        Assert.Equal([WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted], events.Select(e => e.Type));
        Assert.Equal(created.Metadata.ResourceVersion, events[0].Object.Metadata.ResourceVersion);
        Assert.Equal(labelled.Metadata.ResourceVersion, events[1].Object.Metadata.ResourceVersion);
        Assert.Equal(server.Store.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), events[2].Object.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task A_watch_without_a_resource_version_starts_with_the_current_objects_as_added()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a"), "ns1");
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("b"), "ns1");
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("other"), "ns2");

        await using var watch = Watches.Pods(client, "ns1", resourceVersion: null);
        var initial = await watch.NextAsync(2);
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("c"), "ns1");
        var next = await watch.NextAsync();

        Assert.Equal(["a", "b"], initial.Select(e => e.Object.Metadata.Name));
        Assert.All(initial, e => Assert.Equal(WatchEventType.Added, e.Type));
        Assert.Equal((WatchEventType.Added, "c"), (next.Type, next.Object.Metadata.Name));
    }

    [Fact]
    public async Task Resuming_from_the_last_seen_resource_version_misses_and_repeats_nothing()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var start = (await client.CoreV1.ListNamespacedConfigMapAsync("ns1")).Metadata.ResourceVersion;
        string lastSeen;
        await using (var first = Watches.ConfigMaps(client, start))
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "ns1");
            await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("b"), "ns1");
            lastSeen = (await first.NextAsync(2))[^1].Object.Metadata.ResourceVersion;
        }

        await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c"), "ns1");
        await client.CoreV1.DeleteNamespacedConfigMapAsync("a", "ns1");
        await using var resumed = Watches.ConfigMaps(client, lastSeen);
        var events = await resumed.NextAsync(2);
        await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("d"), "ns1");
        var live = await resumed.NextAsync();

        Assert.Equal(["Added c", "Deleted a", "Added d"], events.Append(live).Select(e => $"{e.Type} {e.Object.Metadata.Name}"));
    }

    [Fact]
    public async Task A_selector_filtered_watch_sees_objects_enter_and_leave_the_selection()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "ns1");
        var start = server.Store.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var watch = new WatchRecorder<V1ConfigMap>((onError, token) =>
            client.CoreV1.WatchListNamespacedConfigMapAsync("ns1", labelSelector: "app=agent", resourceVersion: start, onError: onError, cancellationToken: token));

        await Label("a", "{\"app\":\"agent\"}");
        await Label("a", "{\"app\":\"agent\",\"x\":\"1\"}");
        await Label("a", "{\"app\":\"other\"}");
        await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("b", labels: new Dictionary<string, string> { ["app"] = "agent" }), "ns1");
        var events = await watch.NextAsync(4);

        Assert.Equal(["Added a", "Modified a", "Deleted a", "Added b"], events.Select(e => $"{e.Type} {e.Object.Metadata.Name}"));
        Assert.Equal("other", events[2].Object.Metadata.Labels["app"]);

        Task Label(string name, string labels) => client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch($"{{\"metadata\":{{\"labels\":{labels}}}}}", V1Patch.PatchType.StrategicMergePatch), name, "ns1");
    }

    [Fact]
    public async Task The_callback_watcher_over_a_list_call_with_watch_true_works()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var events = System.Threading.Channels.Channel.CreateUnbounded<(WatchEventType, V1Pod)>();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

#pragma warning disable CS0618 // The callback Watcher is what many operators still use.
        using var watcher = client.CoreV1.ListNamespacedPodWithHttpMessagesAsync("ns1", watch: true)
            .Watch<V1Pod, V1PodList>((type, pod) => events.Writer.TryWrite((type, pod)), onClosed: () => closed.TrySetResult());
#pragma warning restore CS0618
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1");
        var (type, pod) = await events.Reader.ReadAsync().AsTask().WaitAsync(Objects.Timeout);
        server.ExpireWatches();

        Assert.Equal((WatchEventType.Added, "p1"), (type, pod.Metadata.Name));
        await closed.Task.WaitAsync(Objects.Timeout);
    }

    [Fact]
    public async Task Custom_resources_can_be_watched_across_namespaces()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.RegisterBenchmarks();
        using var client = server.CreateClient();

#pragma warning disable CS0618 // Custom objects have no typed watch helper but this one.
        await using var watch = new WatchRecorder<JsonElement>((onError, token) =>
            client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync(Objects.Group, Objects.Version, Objects.Plural, watch: true, cancellationToken: token)
                .WatchAsync<JsonElement, object>(onError, token));
#pragma warning restore CS0618
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Benchmark("b1"), Objects.Group, Objects.Version, "ns1", Objects.Plural);
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Benchmark("b2"), Objects.Group, Objects.Version, "ns2", Objects.Plural);
        var events = await watch.NextAsync(2);

        Assert.Equal(["ns1/b1", "ns2/b2"], events.Select(e => $"{e.Object.GetProperty("metadata").GetProperty("namespace")}/{e.Object.GetProperty("metadata").GetProperty("name")}"));
    }
}
