using k8s;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>The request log counts per verb and resource, as audit logs name them.</summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task Requests_are_counted_per_verb_and_resource_and_can_be_reset()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.RegisterBenchmarks();
        server.PodLogs = new FakePodLogs();
        using var client = server.CreateClient();
        var benchmark = Objects.Json(await client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Benchmark("b1"), Objects.Group, Objects.Version, "ns1", Objects.Plural));
        benchmark["status"] = new System.Text.Json.Nodes.JsonObject { ["phase"] = "Running" };
        await client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(benchmark, Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1");
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1");
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p2"), "ns1");
        await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => client.CoreV1.ReadNamespacedPodLogAsync("p1", "ns1"));
        using (var watch = await client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync(Objects.Group, Objects.Version, "ns1", Objects.Plural, watch: true))
        {
        }

        var counts = (
            server.RequestLog.Count("create", "unpackbenchmarks"),
            server.RequestLog.Count("update/status", "unpackbenchmarks"),
            server.RequestLog.Count("create", "pods"),
            server.RequestLog.Count("get", "pods/log"),
            server.RequestLog.Count("watch", "unpackbenchmarks"));
        var total = server.RequestLog.Total;
        server.RequestLog.Reset();

        Assert.Equal((1, 1, 2, 1, 1), counts);
        Assert.Equal(6, total);
        Assert.Equal(0, server.RequestLog.Total);
        Assert.Empty(server.RequestLog.Snapshot());
    }
}
