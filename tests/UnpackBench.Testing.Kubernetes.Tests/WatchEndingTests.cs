using k8s;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>How watches end: 410 Expired after compaction, expiry by the server, timeouts and bookmarks.</summary>
public sealed class WatchEndingTests
{
    [Fact]
    public async Task A_watch_from_a_compacted_resource_version_gets_an_expired_error_event_and_ends()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var old = (await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "ns1")).Metadata.ResourceVersion;
        await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("b"), "ns1");
        server.CompactHistory();

        await using var watch = Watches.ConfigMaps(client, old);
        await watch.Ended.WaitAsync(Objects.Timeout);

        var error = Assert.IsType<KubernetesException>(Assert.Single(watch.Errors));
        Assert.Equal((410, "Expired"), (error.Status.Code, error.Status.Reason));
        Assert.StartsWith("too old resource version: " + old, error.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_is_bounded_so_an_old_enough_resource_version_expires_by_itself()
    {
        await using var server = await ApiTestServer.StartAsync(new ApiTestServerOptions { EventHistoryCapacity = 3, InitialNamespaces = [] });
        using var client = server.CreateClient();
        var versions = new List<string>();
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            versions.Add((await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap(name), "ns1")).Metadata.ResourceVersion);
        }

        // Three events kept: those of c, d and e. From a's version b's event is missing; from c's nothing is.
        await using var expired = Watches.ConfigMaps(client, versions[0]);
        await expired.Ended.WaitAsync(Objects.Timeout);
        await using var fine = Watches.ConfigMaps(client, versions[2]);
        var replayed = await fine.NextAsync(2);

        Assert.Equal(410, Assert.IsType<KubernetesException>(Assert.Single(expired.Errors)).Status.Code);
        Assert.Equal(["d", "e"], replayed.Select(e => e.Object.Metadata.Name));
    }

    [Fact]
    public async Task Expiring_watches_ends_the_clients_streams()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await using var watch = Watches.ConfigMaps(client, server.Store.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "ns1");
        await watch.NextAsync();

        server.ExpireWatches();

        await watch.Ended.WaitAsync(Objects.Timeout);
        Assert.Empty(watch.Errors);
    }

    [Fact]
    public async Task A_timeout_closes_the_stream_after_a_bookmark_when_bookmarks_are_allowed()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "ns1");
        var current = server.Store.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await using var watch = new WatchRecorder<V1ConfigMap>((onError, token) =>
            client.CoreV1.WatchListNamespacedConfigMapAsync("ns1", allowWatchBookmarks: true, resourceVersion: current, timeoutSeconds: 1, onError: onError, cancellationToken: token));
        var bookmark = await watch.NextAsync();
        await watch.Ended.WaitAsync(Objects.Timeout);

        Assert.Equal(WatchEventType.Bookmark, bookmark.Type);
        Assert.Equal(current, bookmark.Object.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Bookmarks_are_sent_on_demand_to_watches_that_allow_them()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await using var watch = new WatchRecorder<V1ConfigMap>((onError, token) =>
            client.CoreV1.WatchListNamespacedConfigMapAsync("ns1", allowWatchBookmarks: true, onError: onError, cancellationToken: token));
        await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "ns1");
        await watch.NextAsync();

        server.SendBookmarks();
        var bookmark = await watch.NextAsync();

        Assert.Equal(WatchEventType.Bookmark, bookmark.Type);
        Assert.Equal(server.Store.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), bookmark.Object.Metadata.ResourceVersion);
    }
}
