using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>Create, get, list, replace and delete of built-in types through the real KubernetesClient.</summary>
public sealed class ObjectLifecycleTests
{
    [Fact]
    public async Task Resource_versions_are_one_increasing_counter_across_types()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();

        var pod = await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1");
        var map = await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c1"), "ns1");
        var lease = await client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "l1" } }, "ns1");

        var versions = new[] { pod, (IMetadata<V1ObjectMeta>)map, lease }.Select(o => long.Parse(o.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(3, versions.Distinct().Count());
        Assert.Equal(versions[^1], server.Store.ResourceVersion);
    }

    [Fact]
    public async Task GenerateName_gives_a_unique_name_with_the_prefix()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var template = new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "bench-" } };

        var first = await client.CoreV1.CreateNamespacedConfigMapAsync(template, "ns1");
        var second = await client.CoreV1.CreateNamespacedConfigMapAsync(template, "ns1");

        Assert.StartsWith("bench-", first.Metadata.Name, StringComparison.Ordinal);
        Assert.Equal("bench-".Length + 5, first.Metadata.Name.Length);
        Assert.NotEqual(first.Metadata.Name, second.Metadata.Name);
    }

    [Fact]
    public async Task A_namespace_in_the_body_that_differs_from_the_url_is_a_bad_request()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var pod = Objects.Pod("p1");
        pod.Metadata.NamespaceProperty = "other";

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedPodAsync(pod, "ns1"));

        Assert.Equal(HttpStatusCode.BadRequest, error.Response.StatusCode);
        Assert.Contains("does not match the namespace sent on the request", error.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_an_existing_name_is_a_conflict_with_reason_AlreadyExists()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c1"), "ns1");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c1"), "ns1"));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);
        Assert.Equal("AlreadyExists", status.Reason);
        Assert.Equal(409, status.Code);
        Assert.Equal("configmaps \"c1\" already exists", status.Message);
    }

    [Fact]
    public async Task Reading_a_missing_object_is_a_NotFound_status()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoordinationV1.ReadNamespacedLeaseAsync("missing", "ns1"));

        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);
        Assert.Equal(("Status", "Failure", "NotFound", 404), (status.Kind, status.Status, status.Reason, status.Code));
        Assert.Equal("leases.coordination.k8s.io \"missing\" not found", status.Message);
        Assert.Equal(("missing", "coordination.k8s.io", "leases"), (status.Details.Name, status.Details.Group, status.Details.Kind));
    }

    [Fact]
    public async Task Lists_cover_one_namespace_or_all_and_carry_the_current_resource_version()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a"), "ns1");
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("b"), "ns1");
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("c"), "ns2");

        var inOne = await client.CoreV1.ListNamespacedPodAsync("ns1");
        var inAll = await client.CoreV1.ListPodForAllNamespacesAsync();

        Assert.Equal(["a", "b"], inOne.Items.Select(p => p.Metadata.Name));
        Assert.Equal(["a", "b", "c"], inAll.Items.Select(p => p.Metadata.Name));
        Assert.Equal(server.Store.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), inAll.Metadata.ResourceVersion);
        Assert.Equal("PodList", inAll.Kind);
    }

    [Fact]
    public async Task Lists_page_with_limit_and_continue()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap(name), "ns1");
        }

        var first = await client.CoreV1.ListNamespacedConfigMapAsync("ns1", limit: 2);
        var second = await client.CoreV1.ListNamespacedConfigMapAsync("ns1", limit: 2, continueParameter: first.Metadata.ContinueProperty);
        var last = await client.CoreV1.ListNamespacedConfigMapAsync("ns1", limit: 2, continueParameter: second.Metadata.ContinueProperty);

        Assert.Equal(["a", "b"], first.Items.Select(c => c.Metadata.Name));
        Assert.Equal(3, first.Metadata.RemainingItemCount);
        Assert.Equal(["c", "d"], second.Items.Select(c => c.Metadata.Name));
        Assert.Equal(["e"], last.Items.Select(c => c.Metadata.Name));
        Assert.Null(last.Metadata.ContinueProperty);
    }

    [Fact]
    public async Task Replace_changes_the_object_and_bumps_the_resource_version()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var map = await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c1"), "ns1");

        map.Data["value"] = "2";
        var replaced = await client.CoreV1.ReplaceNamespacedConfigMapAsync(map, "c1", "ns1");

        Assert.Equal("2", replaced.Data["value"]);
        Assert.True(long.Parse(replaced.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(map.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(map.Metadata.Uid, replaced.Metadata.Uid);
        Assert.Equal("2", server.Store.Get("configmaps", "ns1", "c1")!["data"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_a_configmap_returns_a_success_status_and_deleting_it_again_is_not_found()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c1"), "ns1");

        var status = await client.CoreV1.DeleteNamespacedConfigMapAsync("c1", "ns1");

        Assert.Equal("Success", status.Status);
        Assert.Null(server.Store.Get("configmaps", "ns1", "c1"));
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.DeleteNamespacedConfigMapAsync("c1", "ns1"));
        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
    }

    [Fact]
    public async Task Nodes_put_into_the_store_are_served_cluster_wide()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();

        server.Put(new V1Node { Metadata = new V1ObjectMeta { Name = "node-1", Labels = new Dictionary<string, string> { ["pool"] = "a" } } });
        var nodes = await client.CoreV1.ListNodeAsync(labelSelector: "pool=a");
        var node = await client.CoreV1.ReadNodeAsync("node-1");

        Assert.Equal(["node-1"], nodes.Items.Select(n => n.Metadata.Name));
        Assert.Equal("Node", node.Kind);
        Assert.Equal("node-1", server.Find<V1Node>(null, "node-1")!.Metadata.Name);
    }
}
