using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>Injected failures, as a flaky or overloaded API server would answer.</summary>
public sealed class FailureInjectionTests
{
    [Fact]
    public async Task The_next_matching_requests_fail_with_the_code_and_others_go_through()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        server.FailNext(2, 500, "create configmaps");

        var first = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c1"), "ns1"));
        var list = await client.CoreV1.ListNamespacedConfigMapAsync("ns1");
        await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c1"), "ns1"));
        var third = await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c1"), "ns1");

        Assert.Equal(HttpStatusCode.InternalServerError, first.Response.StatusCode);
        Assert.Equal("InternalError", KubernetesJson.Deserialize<V1Status>(first.Response.Content).Reason);
        Assert.Empty(list.Items);
        Assert.Equal("c1", third.Metadata.Name);
    }

    [Fact]
    public async Task Too_many_requests_carries_retry_after()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        server.FailNext(1, 429);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespacedPodAsync("ns1"));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.Response.StatusCode);
        Assert.Equal("1", error.Response.Headers["Retry-After"].Single());
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);
        Assert.Equal(("TooManyRequests", 1), (status.Reason, status.Details.RetryAfterSeconds));
    }

    [Fact]
    public async Task A_watch_can_be_refused_with_service_unavailable()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1");
        server.FailNext(1, 503, "watch *");
        using var timeout = new CancellationTokenSource(Objects.Timeout);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespacedPodWithHttpMessagesAsync("ns1", watch: true, cancellationToken: timeout.Token));

        // KubernetesClient's watch call returns once the first event line has arrived: the ADDED of p1.
        using var fine = await client.CoreV1.ListNamespacedPodWithHttpMessagesAsync("ns1", watch: true, cancellationToken: timeout.Token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fine.Response.StatusCode);
    }

    [Fact]
    public void A_filter_must_name_a_verb_and_a_resource()
    {
        Assert.Throws<ArgumentException>(() => new FailureInjector().Add(1, 500, "pods"));
    }
}
