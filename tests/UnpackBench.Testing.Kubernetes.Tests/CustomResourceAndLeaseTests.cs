using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>The full create-get-list-replace-delete cycle for a lease and a registered custom resource.</summary>
public sealed class CustomResourceAndLeaseTests
{
    [Fact]
    public async Task A_registered_custom_resource_goes_through_the_whole_cycle()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.RegisterBenchmarks();
        using var client = server.CreateClient();
        var ops = client.CustomObjects;

        var created = Objects.Json(await ops.CreateNamespacedCustomObjectAsync(Objects.Benchmark("b1"), Objects.Group, Objects.Version, "ns1", Objects.Plural));
        await ops.CreateNamespacedCustomObjectAsync(Objects.Benchmark("b2"), Objects.Group, Objects.Version, "ns2", Objects.Plural);
        var read = Objects.Json(await ops.GetNamespacedCustomObjectAsync(Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));
        var inNamespace = Objects.Json(await ops.ListNamespacedCustomObjectAsync(Objects.Group, Objects.Version, "ns1", Objects.Plural));
        var everywhere = Objects.Json(await ops.ListClusterCustomObjectAsync(Objects.Group, Objects.Version, Objects.Plural));
        read["spec"]!["runs"] = 10;
        var replaced = Objects.Json(await ops.ReplaceNamespacedCustomObjectAsync(read, Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));
        var status = Objects.Json(await ops.GetNamespacedCustomObjectStatusAsync(Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));
        var deleted = Objects.Json(await ops.DeleteNamespacedCustomObjectAsync(Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));
        var gone = await Assert.ThrowsAsync<HttpOperationException>(() => ops.GetNamespacedCustomObjectAsync(Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));

        Assert.Equal(($"{Objects.Group}/{Objects.Version}", Objects.Kind), (Text(created, "apiVersion"), Text(created, "kind")));
        Assert.Equal(Text(created["metadata"]!, "uid"), Text(read["metadata"]!, "uid"));
        Assert.Equal(["b1"], Names(inNamespace));
        Assert.Equal(["b1", "b2"], Names(everywhere));
        Assert.Equal(Objects.Kind + "List", Text(everywhere, "kind"));
        Assert.Equal(Objects.Kind, Text(everywhere["items"]![0]!, "kind"));
        Assert.Equal(10, replaced["spec"]!["runs"]!.GetValue<int>());
        Assert.Equal(2, replaced["metadata"]!["generation"]!.GetValue<int>());
        Assert.Equal(Text(replaced["metadata"]!, "resourceVersion"), Text(status["metadata"]!, "resourceVersion"));
        Assert.Equal("b1", Text(deleted["metadata"]!, "name"));
        Assert.Equal(HttpStatusCode.NotFound, gone.Response.StatusCode);
        Assert.Contains("unpackbenchmarks.unpackbench.test \\\"b1\\\" not found", gone.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cluster_scoped_custom_resources_are_served_without_a_namespace()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.RegisterCustomResource("unpackbench.test", "v1", "nodeprofiles", "NodeProfile", namespaced: false, statusSubresource: false);
        using var client = server.CreateClient();
        var body = new JsonObject { ["apiVersion"] = "unpackbench.test/v1", ["kind"] = "NodeProfile", ["metadata"] = new JsonObject { ["name"] = "fast" }, ["status"] = new JsonObject { ["kept"] = true } };

        var created = Objects.Json(await client.CustomObjects.CreateClusterCustomObjectAsync(body, "unpackbench.test", "v1", "nodeprofiles"));
        var read = Objects.Json(await client.CustomObjects.GetClusterCustomObjectAsync("unpackbench.test", "v1", "nodeprofiles", "fast"));

        Assert.Null(created["metadata"]!["namespace"]);
        Assert.True(read["status"]!["kept"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_lease_goes_through_the_whole_cycle()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var leases = client.CoordinationV1;

        await leases.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "l1" }, Spec = new V1LeaseSpec { HolderIdentity = "a", LeaseDurationSeconds = 15 } }, "ns1");
        var read = await leases.ReadNamespacedLeaseAsync("l1", "ns1");
        read.Spec.HolderIdentity = "b";
        read.Spec.RenewTime = new DateTime(2030, 1, 1, 0, 0, 0, 123, DateTimeKind.Utc);
        var replaced = await leases.ReplaceNamespacedLeaseAsync(read, "l1", "ns1");
        var listed = await leases.ListNamespacedLeaseAsync("ns1");
        var status = await leases.DeleteNamespacedLeaseAsync("l1", "ns1");

        Assert.Equal("b", replaced.Spec.HolderIdentity);
        Assert.Equal(read.Spec.RenewTime, replaced.Spec.RenewTime);
        Assert.Equal(["l1"], listed.Items.Select(l => l.Metadata.Name));
        Assert.Equal("Success", status.Status);
        Assert.Empty(server.Objects<V1Lease>("ns1"));
    }

    [Fact]
    public async Task Delete_collection_removes_what_the_selector_matches()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a", labels: new Dictionary<string, string> { ["run"] = "1" }), "ns1");
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("b", labels: new Dictionary<string, string> { ["run"] = "2" }), "ns1");

        await client.CoreV1.DeleteCollectionNamespacedPodAsync("ns1", labelSelector: "run=1");

        Assert.Equal(["b"], server.Objects<V1Pod>("ns1").Select(p => p.Metadata.Name));
    }

    private static string? Text(JsonNode node, string property) => node[property]?.GetValue<string>();

    private static List<string?> Names(JsonObject list) =>
        list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()).ToList<string?>();
}
