using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>What the pod registry adds: create defaults, spec immutability, binding, deletion of unbound pods.</summary>
public sealed class PodTests
{
    [Fact]
    public async Task A_created_pod_gets_server_owned_metadata_and_a_pending_status()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();

        var created = await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1");

        Assert.Equal("p1", created.Metadata.Name);
        Assert.Equal("ns1", created.Metadata.NamespaceProperty);
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.Equal(1, created.Metadata.Generation);
        Assert.Equal("Pending", created.Status.Phase);
        Assert.Equal(30, created.Spec.TerminationGracePeriodSeconds);
        Assert.Equal("Pod", created.Kind);
        Assert.Equal("v1", created.ApiVersion);
        var read = await client.CoreV1.ReadNamespacedPodAsync("p1", "ns1");
        Assert.Equal(created.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Deleting_an_unbound_pod_removes_it_at_once_and_returns_it()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1");

        var deleted = await client.CoreV1.DeleteNamespacedPodAsync("p1", "ns1");

        Assert.Equal("p1", deleted.Metadata.Name);
        Assert.Null(server.Store.Get("pods", "ns1", "p1"));
    }

    [Fact]
    public async Task Pod_specs_are_immutable_apart_from_images_and_a_few_fields()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var pod = await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1");

        pod.Spec.Containers[0].Image = "unpackbench/agent:2";
        var updated = await client.CoreV1.ReplaceNamespacedPodAsync(pod, "p1", "ns1");
        updated.Spec.NodeName = "node-1";
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReplaceNamespacedPodAsync(updated, "p1", "ns1"));

        Assert.Equal(2, updated.Metadata.Generation);
        Assert.Equal((HttpStatusCode)422, error.Response.StatusCode);
        Assert.Contains("pod updates may not change fields", error.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binding_assigns_a_pod_to_a_node_once()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1");
        var binding = new V1Binding { Metadata = new V1ObjectMeta { Name = "p1" }, Target = new V1ObjectReference { Kind = "Node", Name = "node-1" } };

        await client.CoreV1.CreateNamespacedPodBindingAsync(binding, "p1", "ns1");
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedPodBindingAsync(binding, "p1", "ns1"));

        Assert.Equal("node-1", (await client.CoreV1.ReadNamespacedPodAsync("p1", "ns1")).Spec.NodeName);
        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
    }
}
