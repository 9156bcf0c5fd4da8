using System.Net;
using k8s;
using k8s.Autorest;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>Label and field selectors on LIST, through the client.</summary>
public sealed class SelectorListTests
{
    [Theory]
    [InlineData("app=agent", "a,b")]
    [InlineData("app=agent,role=main", "a")]
    [InlineData("role in (main, side)", "a,b")]
    [InlineData("role notin (main)", "b,c")]
    [InlineData("!role", "c")]
    [InlineData("role", "a,b")]
    [InlineData("app!=agent", "c")]
    public async Task Label_selectors_filter_lists(string selector, string expected)
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a", labels: new Dictionary<string, string> { ["app"] = "agent", ["role"] = "main" }), "ns1");
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("b", labels: new Dictionary<string, string> { ["app"] = "agent", ["role"] = "side" }), "ns1");
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("c", labels: new Dictionary<string, string> { ["app"] = "other" }), "ns1");

        var pods = await client.CoreV1.ListNamespacedPodAsync("ns1", labelSelector: selector);

        Assert.Equal(expected, string.Join(",", pods.Items.Select(p => p.Metadata.Name)));
    }

    [Theory]
    [InlineData("spec.nodeName=node-1", "a")]
    [InlineData("spec.nodeName!=node-1", "b,c")]
    [InlineData("spec.nodeName=", "c")]
    [InlineData("status.phase=Pending", "a,b,c")]
    [InlineData("metadata.name==b", "b")]
    [InlineData("metadata.namespace=ns1,metadata.name!=a", "b,c")]
    public async Task Field_selectors_filter_pod_lists(string selector, string expected)
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("a", nodeName: "node-1"), "ns1");
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("b", nodeName: "node-2"), "ns1");
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("c"), "ns1");

        var pods = await client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: selector);

        Assert.Equal(expected, string.Join(",", pods.Items.Select(p => p.Metadata.Name)));
    }

    [Fact]
    public async Task An_unsupported_field_is_a_bad_request()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespacedConfigMapAsync("ns1", fieldSelector: "data.value=1"));

        Assert.Equal(HttpStatusCode.BadRequest, error.Response.StatusCode);
        Assert.Contains("field label not supported: data.value", error.Response.Content, StringComparison.Ordinal);
    }
}
