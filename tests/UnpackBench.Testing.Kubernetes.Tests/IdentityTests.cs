using System.Net;
using System.Net.Http.Headers;
using k8s;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>Clients with their own identity, and a request log that tells them apart.</summary>
public sealed class IdentityTests
{
    [Fact]
    public async Task The_request_log_counts_each_identitys_requests_apart()
    {
        await using var server = await ApiTestServer.StartAsync();
        var kubelet = RequestIdentity.User("system:node:node-1", "system:nodes");
        var operatorAccount = RequestIdentity.ServiceAccount("unpackbench-system", "unpackbench-operator");
        using var admin = server.CreateClient();
        using var node = server.CreateClient(kubelet);
        using var operatorClient = server.CreateClient(operatorAccount);

        await operatorClient.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1");
        await node.CoreV1.ReadNamespacedPodAsync("p1", "ns1");
        await node.CoreV1.ReadNamespacedPodAsync("p1", "ns1");
        await admin.CoreV1.ListNamespacedPodAsync("ns1");

        Assert.Equal(1, server.RequestLog.Count("create", "pods", "system:serviceaccount:unpackbench-system:unpackbench-operator"));
        Assert.Equal(2, server.RequestLog.Count("get", "pods", "system:node:node-1"));
        Assert.Equal(1, server.RequestLog.TotalOf("system:admin"));
        Assert.Equal(["system:admin", "system:node:node-1", "system:serviceaccount:unpackbench-system:unpackbench-operator"], server.RequestLog.Users());
        Assert.Equal(4, server.RequestLog.Total);
    }

    [Fact]
    public async Task A_token_the_server_did_not_issue_is_unauthorized()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "forged");

        using var response = await http.GetAsync("/api/v1/namespaces/ns1/pods");
        var status = KubernetesJson.Deserialize<V1Status>(await response.Content.ReadAsStringAsync());

        Assert.Equal((HttpStatusCode.Unauthorized, "Unauthorized", "Unauthorized"), (response.StatusCode, status.Reason, status.Message));
    }
}
