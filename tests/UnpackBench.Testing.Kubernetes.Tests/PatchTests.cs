using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>PATCH through the client with each patch type it can send.</summary>
public sealed class PatchTests
{
    [Fact]
    public async Task A_merge_patch_merges_maps_and_removes_nulls()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c1", labels: new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }), "ns1");

        var patched = await client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"metadata\":{\"labels\":{\"a\":null,\"c\":\"3\"}},\"data\":{\"extra\":\"x\"}}", V1Patch.PatchType.MergePatch), "c1", "ns1");

        Assert.Equal(new Dictionary<string, string> { ["b"] = "2", ["c"] = "3" }, patched.Metadata.Labels);
        Assert.Equal(new Dictionary<string, string> { ["value"] = "1", ["extra"] = "x" }, patched.Data);
    }

    [Fact]
    public async Task A_json_patch_applies_its_operations_in_order()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "l1" }, Spec = new V1LeaseSpec { HolderIdentity = "a" } }, "ns1");

        var patch = new V1Patch("""
            [{"op":"test","path":"/spec/holderIdentity","value":"a"},
             {"op":"replace","path":"/spec/holderIdentity","value":"b"},
             {"op":"add","path":"/spec/leaseDurationSeconds","value":15},
             {"op":"add","path":"/metadata/labels","value":{"x/y":"1"}},
             {"op":"remove","path":"/metadata/labels/x~1y"}]
            """, V1Patch.PatchType.JsonPatch);
        var patched = await client.CoordinationV1.PatchNamespacedLeaseAsync(patch, "l1", "ns1");

        Assert.Equal("b", patched.Spec.HolderIdentity);
        Assert.Equal(15, patched.Spec.LeaseDurationSeconds);
        Assert.Empty(patched.Metadata.Labels ?? new Dictionary<string, string>());
    }

    [Fact]
    public async Task A_failed_json_patch_test_is_unprocessable_and_changes_nothing()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var lease = await client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "l1" }, Spec = new V1LeaseSpec { HolderIdentity = "a" } }, "ns1");

        var patch = new V1Patch("[{\"op\":\"replace\",\"path\":\"/spec/holderIdentity\",\"value\":\"c\"},{\"op\":\"test\",\"path\":\"/spec/holderIdentity\",\"value\":\"b\"}]", V1Patch.PatchType.JsonPatch);
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoordinationV1.PatchNamespacedLeaseAsync(patch, "l1", "ns1"));

        Assert.Equal((HttpStatusCode)422, error.Response.StatusCode);
        Assert.Equal(lease.Metadata.ResourceVersion, (await client.CoordinationV1.ReadNamespacedLeaseAsync("l1", "ns1")).Metadata.ResourceVersion);
    }

    [Fact]
    public async Task A_strategic_merge_patch_merges_containers_by_name()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var pod = Objects.Pod("p1");
        pod.Spec.Containers.Add(new V1Container { Name = "sidecar", Image = "busybox:1" });
        await client.CoreV1.CreateNamespacedPodAsync(pod, "ns1");

        var patch = new V1Patch("{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"image\":\"busybox:2\"}]}}", V1Patch.PatchType.StrategicMergePatch);
        var patched = await client.CoreV1.PatchNamespacedPodAsync(patch, "p1", "ns1");

        Assert.Equal(["agent:unpackbench/agent:1", "sidecar:busybox:2"], patched.Spec.Containers.Select(c => $"{c.Name}:{c.Image}"));
        Assert.Equal(2, patched.Metadata.Generation);
    }

    [Fact]
    public async Task A_strategic_merge_patch_unions_finalizers()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var map = Objects.ConfigMap("c1");
        map.Metadata.Finalizers = ["a/one"];
        await client.CoreV1.CreateNamespacedConfigMapAsync(map, "ns1");

        var patched = await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"metadata\":{\"finalizers\":[\"b/two\"]}}", V1Patch.PatchType.StrategicMergePatch), "c1", "ns1");

        Assert.Equal(["a/one", "b/two"], patched.Metadata.Finalizers);
    }

    [Fact]
    public async Task Custom_resources_refuse_strategic_merge_patch_as_the_real_server_does()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.RegisterBenchmarks();
        using var client = server.CreateClient();
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Benchmark("b1"), Objects.Group, Objects.Version, "ns1", Objects.Plural);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("{\"spec\":{\"runs\":1}}", V1Patch.PatchType.StrategicMergePatch), Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, error.Response.StatusCode);
    }

    [Fact]
    public async Task Server_side_apply_is_refused_with_a_clear_message()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c1"), "ns1");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"data\":{\"value\":\"2\"}}", V1Patch.PatchType.ApplyPatch), "c1", "ns1", fieldManager: "test"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, error.Response.StatusCode);
        Assert.Contains("does not implement server-side apply", KubernetesJson.Deserialize<V1Status>(error.Response.Content).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_custom_resource_takes_merge_and_json_patches()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.RegisterBenchmarks();
        using var client = server.CreateClient();
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Benchmark("b1"), Objects.Group, Objects.Version, "ns1", Objects.Plural);

        await client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch("{\"spec\":{\"runs\":5}}", V1Patch.PatchType.MergePatch), Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1");
        var patched = Objects.Json(await client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("[{\"op\":\"replace\",\"path\":\"/spec/image\",\"value\":\"busybox\"}]", V1Patch.PatchType.JsonPatch), Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));

        Assert.Equal(5, patched["spec"]!["runs"]!.GetValue<int>());
        Assert.Equal("busybox", patched["spec"]!["image"]!.GetValue<string>());
        Assert.Equal(3, patched["metadata"]!["generation"]!.GetValue<int>());
    }
}
