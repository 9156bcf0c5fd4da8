using k8s;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>Stopping and restarting the server as an API server over the same etcd.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task A_stopped_server_refuses_connections_and_a_restart_keeps_the_objects_and_the_address()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c1"), "ns1");
        var address = server.BaseAddress;

        await server.StopAsync();
        var runningWhileStopped = server.IsRunning;
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.CoreV1.ReadNamespacedConfigMapAsync("c1", "ns1"));
        await server.RestartAsync();
        var read = await client.CoreV1.ReadNamespacedConfigMapAsync("c1", "ns1");

        Assert.False(runningWhileStopped);
        Assert.Equal(System.Net.Sockets.SocketError.ConnectionRefused, Assert.IsType<System.Net.Sockets.SocketException>(refused.InnerException).SocketErrorCode);
        Assert.Equal(address, server.BaseAddress);
        Assert.Equal(created.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
    }

    [Fact]
    public async Task A_restart_cuts_open_watches_which_resume_from_their_last_resource_version()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var start = server.Store.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var watch = new WatchRecorder<V1ConfigMap>((onError, token) =>
            client.CoreV1.WatchListNamespacedConfigMapAsync("ns1", resourceVersion: start, onError: onError, cancellationToken: token));
        await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "ns1");
        var lastSeen = (await watch.NextAsync()).Object.Metadata.ResourceVersion;

        await server.StopAsync();
        await watch.Ended.WaitAsync(Objects.Timeout);
        await watch.DisposeAsync();
        await server.RestartAsync();
        await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("b"), "ns1");
        await using var resumed = new WatchRecorder<V1ConfigMap>((onError, token) =>
            client.CoreV1.WatchListNamespacedConfigMapAsync("ns1", resourceVersion: lastSeen, onError: onError, cancellationToken: token));

        var next = await resumed.NextAsync();

        Assert.Equal((WatchEventType.Added, "b"), (next.Type, next.Object.Metadata.Name));
    }
}
