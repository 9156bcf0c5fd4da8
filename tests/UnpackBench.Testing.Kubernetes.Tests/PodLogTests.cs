using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>Pod logs served from an <see cref="IPodLogSource"/>.</summary>
public sealed class PodLogTests
{
    [Fact]
    public async Task A_log_is_served_whole_or_as_its_last_lines()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var logs = new FakePodLogs();
        server.PodLogs = logs;
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1");
        logs.Append("ns1", "p1", "agent", "one\ntwo\nthree\n");

        var whole = await ReadAllAsync(await client.CoreV1.ReadNamespacedPodLogAsync("p1", "ns1"));
        var tail = await ReadAllAsync(await client.CoreV1.ReadNamespacedPodLogAsync("p1", "ns1", container: "agent", tailLines: 2));
        var limited = await ReadAllAsync(await client.CoreV1.ReadNamespacedPodLogAsync("p1", "ns1", limitBytes: 5));

        Assert.Equal("one\ntwo\nthree\n", whole);
        Assert.Equal("two\nthree\n", tail);
        Assert.Equal("one\nt", limited);
    }

    [Fact]
    public async Task With_kubelets_unreachable_a_log_request_fails_as_the_real_server_fails_to_dial_the_kubelet()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        server.PodLogs = new FakePodLogs();
        server.KubeletsUnreachable = true;
        server.Put(new V1Node
        {
            Metadata = new V1ObjectMeta { Name = "node-1" },
            Status = new V1NodeStatus { Addresses = [new V1NodeAddress { Type = "Hostname", Address = "node-1" }, new V1NodeAddress { Type = "InternalIP", Address = "10.0.0.5" }] },
        });
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1", nodeName: "node-1"), "ns1");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedPodLogAsync("p1", "ns1", container: "agent", follow: true, tailLines: 20));
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);

        Assert.Equal(HttpStatusCode.InternalServerError, error.Response.StatusCode);
        Assert.Equal(("Failure", 500, (string?)null), (status.Status, status.Code, status.Reason));
        Assert.Equal("Get \"https://10.0.0.5:10250/containerLogs/ns1/p1/agent?follow=true&tailLines=20\": dial tcp 10.0.0.5:10250: connect: connection refused", status.Message);
    }

    [Fact]
    public async Task A_followed_log_streams_lines_as_they_are_written()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var logs = new FakePodLogs();
        server.PodLogs = logs;
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1");
        logs.Append("ns1", "p1", "agent", "old-1\nold-2\n");

        using var reader = new StreamReader(await client.CoreV1.ReadNamespacedPodLogAsync("p1", "ns1", follow: true, tailLines: 1));
        await logs.Followed.WaitAsync(Objects.Timeout);
        var first = await reader.ReadLineAsync().WaitAsync(Objects.Timeout);
        logs.Append("ns1", "p1", "agent", "new-1\n");
        var second = await reader.ReadLineAsync().WaitAsync(Objects.Timeout);
        logs.End();
        var end = await reader.ReadLineAsync().WaitAsync(Objects.Timeout);

        Assert.Equal(("old-2", "new-1", (string?)null), (first, second, end));
    }

    [Fact]
    public async Task A_log_that_cannot_be_opened_is_a_bad_request_saying_the_container_is_waiting()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedPodLogAsync("p1", "ns1"));

        Assert.Equal(HttpStatusCode.BadRequest, error.Response.StatusCode);
        Assert.Equal("container \"agent\" in pod \"p1\" is waiting to start: ContainerCreating", KubernetesJson.Deserialize<V1Status>(error.Response.Content).Message);
    }

    [Fact]
    public async Task The_log_of_a_missing_pod_is_not_found_and_an_unknown_container_is_a_bad_request()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        server.PodLogs = new FakePodLogs();
        var pod = Objects.Pod("p1");
        pod.Spec.Containers.Add(new V1Container { Name = "sidecar", Image = "busybox" });
        await client.CoreV1.CreateNamespacedPodAsync(pod, "ns1");

        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedPodLogAsync("nope", "ns1"));
        var unknown = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedPodLogAsync("p1", "ns1", container: "nope"));
        var ambiguous = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedPodLogAsync("p1", "ns1"));

        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Response.StatusCode);
        Assert.Contains("choose one of: [agent sidecar]", ambiguous.Response.Content, StringComparison.Ordinal);
    }

    private static async Task<string> ReadAllAsync(Stream stream)
    {
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
