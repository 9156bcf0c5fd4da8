using k8s;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>Garbage collection is kube-controller-manager's: off, delayed or prompt, as the test chooses.</summary>
public sealed class GarbageCollectionModeTests
{
    [Fact]
    public async Task Without_a_garbage_collector_dependents_outlive_their_owner_and_foreground_deletion_never_finishes()
    {
        var clock = new ManualTimeProvider();
        await using var server = await ApiTestServer.StartAsync(new ApiTestServerOptions { TimeProvider = clock, GarbageCollection = GarbageCollectionMode.Off });
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "ns1" } });
        var owner = await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("owner"), "ns1");
        var foregroundOwner = await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("foreground-owner"), "ns1");
        await CreateDependentAsync(client, "dependent", owner);
        await CreateDependentAsync(client, "foreground-dependent", foregroundOwner);

        await client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "ns1");
        await client.CoreV1.DeleteNamespacedConfigMapAsync("foreground-owner", "ns1", propagationPolicy: "Foreground");
        await client.CoreV1.DeleteNamespaceAsync("ns1");
        clock.Advance(TimeSpan.FromHours(1));
        var dependents = await client.CoreV1.ListNamespacedConfigMapAsync("ns1");

        Assert.Equal(["dependent", "foreground-dependent", "foreground-owner"], dependents.Items.Select(c => c.Metadata.Name));
        Assert.Contains("foregroundDeletion", dependents.Items.Single(c => c.Metadata.Name == "foreground-owner").Metadata.Finalizers);
        Assert.Equal("Terminating", (await client.CoreV1.ReadNamespaceAsync("ns1")).Status.Phase);
    }

    [Fact]
    public async Task A_delayed_garbage_collector_acts_only_once_its_delay_has_passed_on_the_server_clock()
    {
        var clock = new ManualTimeProvider();
        await using var server = await ApiTestServer.StartAsync(new ApiTestServerOptions
        {
            TimeProvider = clock,
            GarbageCollection = GarbageCollectionMode.Delayed,
            GarbageCollectionDelay = TimeSpan.FromSeconds(5),
        });
        using var client = server.CreateClient();
        var owner = await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("owner"), "ns1");
        await CreateDependentAsync(client, "dependent", owner);

        await client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "ns1");
        await Eventually.TrueAsync(_ => Task.FromResult(clock.PendingTimers > 0), Objects.Timeout, "the collector waits for its delay");
        clock.Advance(TimeSpan.FromSeconds(4));
        var beforeTheDelay = server.Store.Get("configmaps", "ns1", "dependent");
        clock.Advance(TimeSpan.FromSeconds(1));
        await server.Store.WaitUntilAsync(s => s.Get("configmaps", "ns1", "dependent") is null, Objects.Timeout);

        Assert.NotNull(beforeTheDelay);
    }

    [Fact]
    public async Task A_prompt_garbage_collector_is_the_default()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var owner = await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("owner"), "ns1");
        await CreateDependentAsync(client, "dependent", owner);

        await client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "ns1");

        await server.Store.WaitUntilAsync(s => s.Get("configmaps", "ns1", "dependent") is null, Objects.Timeout);
    }

    private static async Task CreateDependentAsync(k8s.Kubernetes client, string name, V1ConfigMap owner)
    {
        var dependent = Objects.ConfigMap(name);
        dependent.Metadata.OwnerReferences = [Objects.OwnedBy(owner)];
        await client.CoreV1.CreateNamespacedConfigMapAsync(dependent, "ns1");
    }
}
