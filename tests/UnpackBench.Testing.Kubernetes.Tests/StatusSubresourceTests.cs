using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>The status subresource: the main endpoint ignores status, /status changes only status.</summary>
public sealed class StatusSubresourceTests
{
    [Fact]
    public async Task Creating_a_custom_resource_drops_its_status()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.RegisterBenchmarks();
        using var client = server.CreateClient();
        var body = Objects.Benchmark("b1");
        body["status"] = new JsonObject { ["phase"] = "Done" };

        var created = Objects.Json(await client.CustomObjects.CreateNamespacedCustomObjectAsync(body, Objects.Group, Objects.Version, "ns1", Objects.Plural));

        Assert.Null(created["status"]);
    }

    [Fact]
    public async Task The_main_endpoint_ignores_status_changes()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.RegisterBenchmarks();
        using var client = server.CreateClient();
        var created = Objects.Json(await client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Benchmark("b1"), Objects.Group, Objects.Version, "ns1", Objects.Plural));

        created["status"] = new JsonObject { ["phase"] = "Done" };
        var replaced = Objects.Json(await client.CustomObjects.ReplaceNamespacedCustomObjectAsync(created, Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));
        var patched = Objects.Json(await client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch("{\"status\":{\"phase\":\"Done\"}}", V1Patch.PatchType.MergePatch), Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));

        Assert.Null(replaced["status"]);
        Assert.Null(patched["status"]);
        Assert.Equal(created["metadata"]!["resourceVersion"]!.GetValue<string>(), patched["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_status_endpoint_changes_only_status()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.RegisterBenchmarks();
        using var client = server.CreateClient();
        var created = Objects.Json(await client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Benchmark("b1"), Objects.Group, Objects.Version, "ns1", Objects.Plural));

        created["spec"]!["runs"] = 99;
        created["metadata"]!["labels"] = new JsonObject { ["a"] = "b" };
        created["status"] = new JsonObject { ["phase"] = "Running" };
        var replaced = Objects.Json(await client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(created, Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));
        var patched = Objects.Json(await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("{\"spec\":{\"runs\":7},\"status\":{\"observedGeneration\":1}}", V1Patch.PatchType.MergePatch), Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));

        Assert.Equal("Running", replaced["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(3, replaced["spec"]!["runs"]!.GetValue<int>());
        Assert.Null(replaced["metadata"]!["labels"]);
        Assert.Equal(3, patched["spec"]!["runs"]!.GetValue<int>());
        Assert.Equal(1, patched["status"]!["observedGeneration"]!.GetValue<int>());
        Assert.Equal("Running", patched["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(1, patched["metadata"]!["generation"]!.GetValue<int>());
    }

    [Fact]
    public async Task Pod_status_is_written_through_status_only()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var pod = await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1");

        pod.Status = new V1PodStatus { Phase = "Running" };
        var viaMain = await client.CoreV1.ReplaceNamespacedPodAsync(pod, "p1", "ns1");
        var viaStatus = await client.CoreV1.ReplaceNamespacedPodStatusAsync(pod, "p1", "ns1");
        var patched = await client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch("{\"status\":{\"phase\":\"Succeeded\"}}", V1Patch.PatchType.StrategicMergePatch), "p1", "ns1");

        Assert.Equal("Pending", viaMain.Status.Phase);
        Assert.Equal("Running", viaStatus.Status.Phase);
        Assert.Equal("Succeeded", patched.Status.Phase);
        Assert.Equal("Succeeded", (await client.CoreV1.ReadNamespacedPodStatusAsync("p1", "ns1")).Status.Phase);
    }

    [Fact]
    public async Task Node_status_is_written_through_status()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNodeAsync(new V1Node { Metadata = new V1ObjectMeta { Name = "node-1" } });

        var patch = new V1Patch("{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}", V1Patch.PatchType.StrategicMergePatch);
        var node = await client.CoreV1.PatchNodeStatusAsync(patch, "node-1");

        Assert.Equal("True", node.Status.Conditions.Single(c => c.Type == "Ready").Status);
    }
}
