using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>Optimistic concurrency, generation and no-op writes.</summary>
public sealed class ConcurrencyAndGenerationTests
{
    [Fact]
    public async Task Replacing_with_a_stale_resource_version_is_a_conflict_with_the_real_message()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var stale = await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c1"), "ns1");
        var fresh = await client.CoreV1.ReadNamespacedConfigMapAsync("c1", "ns1");
        fresh.Data["value"] = "2";
        await client.CoreV1.ReplaceNamespacedConfigMapAsync(fresh, "c1", "ns1");

        stale.Data["value"] = "3";
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReplaceNamespacedConfigMapAsync(stale, "c1", "ns1"));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);
        Assert.Equal("Conflict", status.Reason);
        Assert.Equal("Operation cannot be fulfilled on configmaps \"c1\": the object has been modified; please apply your changes to the latest version and try again", status.Message);
        Assert.Equal("2", server.Store.Get("configmaps", "ns1", "c1")!["data"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stale_custom_resource_status_update_is_a_conflict()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.RegisterBenchmarks();
        using var client = server.CreateClient();
        var created = Objects.Json(await client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Benchmark("b1"), Objects.Group, Objects.Version, "ns1", Objects.Plural));
        await client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch("{\"spec\":{\"runs\":4}}", V1Patch.PatchType.MergePatch), Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1");

        created["status"] = new JsonObject { ["phase"] = "Running" };
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(created, Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Contains("unpackbenchmarks.unpackbench.test \\\"b1\\\"", error.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_custom_resource_update_without_a_resource_version_is_invalid()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.RegisterBenchmarks();
        using var client = server.CreateClient();
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Benchmark("b1"), Objects.Group, Objects.Version, "ns1", Objects.Plural);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CustomObjects.ReplaceNamespacedCustomObjectAsync(Objects.Benchmark("b1", "other"), Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));

        Assert.Equal((HttpStatusCode)422, error.Response.StatusCode);
        Assert.Contains("must be specified for an update", error.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merge_patch_carrying_a_stale_resource_version_is_a_conflict()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c1"), "ns1");
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"value\":\"2\"}}", V1Patch.PatchType.MergePatch), "c1", "ns1");

        var patch = new V1Patch($"{{\"metadata\":{{\"resourceVersion\":\"{created.Metadata.ResourceVersion}\"}},\"data\":{{\"value\":\"3\"}}}}", V1Patch.PatchType.MergePatch);
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.PatchNamespacedConfigMapAsync(patch, "c1", "ns1"));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
    }

    [Fact]
    public async Task Generation_starts_at_one_and_moves_only_when_the_spec_changes()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.RegisterBenchmarks();
        using var client = server.CreateClient();
        var ops = client.CustomObjects;
        var created = Objects.Json(await ops.CreateNamespacedCustomObjectAsync(Objects.Benchmark("b1"), Objects.Group, Objects.Version, "ns1", Objects.Plural));

        var labelled = Objects.Json(await ops.PatchNamespacedCustomObjectAsync(new V1Patch("{\"metadata\":{\"labels\":{\"a\":\"b\"}}}", V1Patch.PatchType.MergePatch), Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));
        var withStatus = Objects.Json(await ops.PatchNamespacedCustomObjectStatusAsync(new V1Patch("{\"status\":{\"phase\":\"Running\"}}", V1Patch.PatchType.MergePatch), Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));
        var respecced = Objects.Json(await ops.PatchNamespacedCustomObjectAsync(new V1Patch("{\"spec\":{\"runs\":5}}", V1Patch.PatchType.MergePatch), Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));

        Assert.Equal(1, Generation(created));
        Assert.Equal(1, Generation(labelled));
        Assert.Equal(1, Generation(withStatus));
        Assert.Equal(2, Generation(respecced));
    }

    [Fact]
    public async Task A_no_op_update_keeps_the_resource_version_and_sends_no_event()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.RegisterBenchmarks();
        using var client = server.CreateClient();
        var map = await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c1"), "ns1");
        var benchmark = Objects.Json(await client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Benchmark("b1"), Objects.Group, Objects.Version, "ns1", Objects.Plural));
        var before = server.Store.ResourceVersion;

        var sameMap = await client.CoreV1.ReplaceNamespacedConfigMapAsync(map, "c1", "ns1");
        var samePatch = await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"value\":\"1\"}}", V1Patch.PatchType.MergePatch), "c1", "ns1");
        var sameBenchmark = Objects.Json(await client.CustomObjects.ReplaceNamespacedCustomObjectAsync(benchmark, Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));

        Assert.Equal(map.Metadata.ResourceVersion, sameMap.Metadata.ResourceVersion);
        Assert.Equal(map.Metadata.ResourceVersion, samePatch.Metadata.ResourceVersion);
        Assert.Equal(benchmark["metadata"]!["resourceVersion"]!.GetValue<string>(), sameBenchmark["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal(before, server.Store.ResourceVersion);
    }

    [Fact]
    public async Task Concurrent_read_modify_write_loops_lose_no_update()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("counter", "0"), "ns1");

        async Task IncrementAsync()
        {
            while (true)
            {
                var map = await client.CoreV1.ReadNamespacedConfigMapAsync("counter", "ns1");
                map.Data["value"] = (int.Parse(map.Data["value"], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                try
                {
                    await client.CoreV1.ReplaceNamespacedConfigMapAsync(map, "counter", "ns1");
                    return;
                }
                catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
                {
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(IncrementAsync)));

        Assert.Equal("20", (await client.CoreV1.ReadNamespacedConfigMapAsync("counter", "ns1")).Data["value"]);
    }

    private static long Generation(JsonObject obj) => obj["metadata"]!["generation"]!.GetValue<long>();
}
