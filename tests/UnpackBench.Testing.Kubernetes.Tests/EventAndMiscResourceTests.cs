using k8s;
using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>Events of both API groups, secrets and service accounts are stored and listed like any object.</summary>
public sealed class EventAndMiscResourceTests
{
    [Fact]
    public async Task Core_and_events_k8s_io_events_are_stored_and_listed_apart()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();

        await client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "p1.1" },
            InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = "p1", NamespaceProperty = "ns1" },
            Reason = "Started",
            Type = "Normal",
        }, "ns1");
        await client.EventsV1.CreateNamespacedEventAsync(new Eventsv1Event
        {
            Metadata = new V1ObjectMeta { Name = "b1.1" },
            EventTime = DateTime.UtcNow,
            Reason = "Scheduled",
            Action = "Schedule",
            ReportingController = "unpackbench.test/operator",
            ReportingInstance = "operator-0",
        }, "ns1");

        var core = await client.CoreV1.ListNamespacedEventAsync("ns1", fieldSelector: "involvedObject.name=p1,reason=Started");
        var modern = await client.EventsV1.ListNamespacedEventAsync("ns1");

        Assert.Equal(["p1.1"], core.Items.Select(e => e.Metadata.Name));
        Assert.Equal(["b1.1"], modern.Items.Select(e => e.Metadata.Name));
    }

    [Fact]
    public async Task Secrets_and_service_accounts_round_trip()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();

        await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "registry" }, Type = "kubernetes.io/dockerconfigjson", StringData = new Dictionary<string, string> { [".dockerconfigjson"] = "{}" } }, "ns1");
        await client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "agent" } }, "ns1");

        var secrets = await client.CoreV1.ListNamespacedSecretAsync("ns1", fieldSelector: "type=kubernetes.io/dockerconfigjson");
        var account = await client.CoreV1.ReadNamespacedServiceAccountAsync("agent", "ns1");

        Assert.Equal(["registry"], secrets.Items.Select(s => s.Metadata.Name));
        Assert.Equal("agent", account.Metadata.Name);
    }
}
