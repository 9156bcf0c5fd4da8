using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>Finalizers, owner-reference garbage collection and propagation policies.</summary>
public sealed class DeletionTests
{
    [Fact]
    public async Task An_object_with_finalizers_stays_until_an_update_removes_the_last_one()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var map = Objects.ConfigMap("c1");
        map.Metadata.Finalizers = ["unpackbench.test/cleanup", "other/keep"];
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(map, "ns1");
        await using var watch = new WatchRecorder<V1ConfigMap>((onError, token) =>
            client.CoreV1.WatchListNamespacedConfigMapAsync("ns1", resourceVersion: created.Metadata.ResourceVersion, onError: onError, cancellationToken: token));

        await client.CoreV1.DeleteNamespacedConfigMapAsync("c1", "ns1");
        var deleting = await client.CoreV1.ReadNamespacedConfigMapAsync("c1", "ns1");
        deleting.Metadata.Finalizers = ["other/keep"];
        var fewer = await client.CoreV1.ReplaceNamespacedConfigMapAsync(deleting, "c1", "ns1");
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"metadata\":{\"finalizers\":null}}", V1Patch.PatchType.MergePatch), "c1", "ns1");
        var events = await watch.NextAsync(4);

        Assert.NotNull(deleting.Metadata.DeletionTimestamp);
        Assert.Equal(0, deleting.Metadata.DeletionGracePeriodSeconds);
        Assert.Equal(2, deleting.Metadata.Generation);
        Assert.NotNull(fewer.Metadata.DeletionTimestamp);
        Assert.Equal([WatchEventType.Modified, WatchEventType.Modified, WatchEventType.Modified, WatchEventType.Deleted], events.Select(e => e.Type));
        Assert.Null(server.Store.Get("configmaps", "ns1", "c1"));
    }

    [Fact]
    public async Task No_finalizer_can_be_added_to_an_object_being_deleted()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var map = Objects.ConfigMap("c1");
        map.Metadata.Finalizers = ["a/b"];
        await client.CoreV1.CreateNamespacedConfigMapAsync(map, "ns1");
        await client.CoreV1.DeleteNamespacedConfigMapAsync("c1", "ns1");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"metadata\":{\"finalizers\":[\"a/b\",\"c/d\"]}}", V1Patch.PatchType.MergePatch), "c1", "ns1"));

        Assert.Equal((HttpStatusCode)422, error.Response.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_custom_resource_with_a_finalizer_marks_it_and_returns_it()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.RegisterBenchmarks();
        using var client = server.CreateClient();
        var body = Objects.Benchmark("b1");
        body["metadata"]!["finalizers"] = new System.Text.Json.Nodes.JsonArray("unpackbench.test/pods");
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(body, Objects.Group, Objects.Version, "ns1", Objects.Plural);

        var returned = Objects.Json(await client.CustomObjects.DeleteNamespacedCustomObjectAsync(Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1"));
        await client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch("{\"metadata\":{\"finalizers\":[]}}", V1Patch.PatchType.MergePatch), Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1");

        Assert.NotNull(returned["metadata"]!["deletionTimestamp"]);
        Assert.Null(server.Store.Get(Objects.Plural, "ns1", "b1"));
    }

    [Fact]
    public async Task Background_deletion_collects_dependents_whose_owners_are_all_gone()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var owner = await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("owner"), "ns1");
        var other = await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("other-owner"), "ns1");
        var pod = Objects.Pod("owned-pod");
        pod.Metadata.OwnerReferences = [Objects.OwnedBy(owner)];
        await client.CoreV1.CreateNamespacedPodAsync(pod, "ns1");
        var shared = Objects.ConfigMap("shared");
        shared.Metadata.OwnerReferences = [Objects.OwnedBy(owner), Objects.OwnedBy(other)];
        await client.CoreV1.CreateNamespacedConfigMapAsync(shared, "ns1");

        await client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "ns1", propagationPolicy: "Background");

        Assert.Null(server.Store.Get("configmaps", "ns1", "owner"));
        await server.Store.WaitUntilAsync(s => s.Get("pods", "ns1", "owned-pod") is null, Objects.Timeout);
        await server.Store.WaitUntilAsync(s => s.Get("configmaps", "ns1", "shared")?["metadata"]?["ownerReferences"]?.AsArray().Count == 1, Objects.Timeout);
        Assert.Equal(other.Metadata.Uid, server.Find<V1ConfigMap>("ns1", "shared")!.Metadata.OwnerReferences.Single().Uid);
    }

    [Fact]
    public async Task Foreground_deletion_keeps_the_owner_until_blocking_dependents_are_gone()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var owner = await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("owner"), "ns1");
        var dependent = Objects.ConfigMap("dependent");
        dependent.Metadata.OwnerReferences = [Objects.OwnedBy(owner)];
        dependent.Metadata.Finalizers = ["unpackbench.test/hold"];
        await client.CoreV1.CreateNamespacedConfigMapAsync(dependent, "ns1");

        await client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "ns1", propagationPolicy: "Foreground");
        await server.Store.WaitUntilAsync(s => s.Get("configmaps", "ns1", "dependent")?["metadata"]?["deletionTimestamp"] is not null, Objects.Timeout);
        var waiting = await client.CoreV1.ReadNamespacedConfigMapAsync("owner", "ns1");
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"metadata\":{\"finalizers\":null}}", V1Patch.PatchType.MergePatch), "dependent", "ns1");

        Assert.NotNull(waiting.Metadata.DeletionTimestamp);
        Assert.Contains("foregroundDeletion", waiting.Metadata.Finalizers);
        await server.Store.WaitUntilAsync(s => s.Get("configmaps", "ns1", "owner") is null, Objects.Timeout);
        Assert.Null(server.Store.Get("configmaps", "ns1", "dependent"));
    }

    [Fact]
    public async Task Orphan_deletion_removes_the_owner_and_leaves_dependents_without_the_reference()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        var owner = await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("owner"), "ns1");
        var dependent = Objects.ConfigMap("dependent");
        dependent.Metadata.OwnerReferences = [Objects.OwnedBy(owner)];
        await client.CoreV1.CreateNamespacedConfigMapAsync(dependent, "ns1");

        await client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "ns1", propagationPolicy: "Orphan");

        await server.Store.WaitUntilAsync(s => s.Get("configmaps", "ns1", "owner") is null, Objects.Timeout);
        var orphan = await client.CoreV1.ReadNamespacedConfigMapAsync("dependent", "ns1");
        Assert.Null(orphan.Metadata.OwnerReferences);
    }

    [Fact]
    public async Task Deleting_a_custom_resource_collects_the_pods_it_owns()
    {
        await using var server = await ApiTestServer.StartAsync();
        server.RegisterBenchmarks();
        using var client = server.CreateClient();
        var benchmark = Objects.Json(await client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Benchmark("b1"), Objects.Group, Objects.Version, "ns1", Objects.Plural));
        var pod = Objects.Pod("b1-agent");
        pod.Metadata.OwnerReferences =
        [
            new V1OwnerReference
            {
                ApiVersion = $"{Objects.Group}/{Objects.Version}",
                Kind = Objects.Kind,
                Name = "b1",
                Uid = benchmark["metadata"]!["uid"]!.GetValue<string>(),
                Controller = true,
                BlockOwnerDeletion = true,
            },
        ];
        await client.CoreV1.CreateNamespacedPodAsync(pod, "ns1");

        await client.CustomObjects.DeleteNamespacedCustomObjectAsync(Objects.Group, Objects.Version, "ns1", Objects.Plural, "b1");

        await server.Store.WaitUntilAsync(s => s.Get("pods", "ns1", "b1-agent") is null, Objects.Timeout);
    }

    [Fact]
    public async Task Deleting_a_namespace_deletes_its_contents_and_then_the_namespace()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "doomed" } });
        await client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c1"), "doomed");
        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "doomed");

        await client.CoreV1.DeleteNamespaceAsync("doomed");

        await server.Store.WaitUntilAsync(s => s.Get("namespaces", null, "doomed") is null, Objects.Timeout);
        Assert.Empty(server.Store.List("configmaps", "doomed"));
        Assert.Empty(server.Store.List("pods", "doomed"));
    }

    [Fact]
    public async Task Required_namespaces_must_exist_and_not_be_terminating()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var client = server.CreateClient();
        server.RequireNamespaces();
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "ns1" } });
        var map = Objects.ConfigMap("held");
        map.Metadata.Finalizers = ["a/b"];
        await client.CoreV1.CreateNamespacedConfigMapAsync(map, "ns1");

        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c1"), "nowhere"));
        await client.CoreV1.DeleteNamespaceAsync("ns1");
        var terminating = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c2"), "ns1"));

        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
        Assert.Contains("namespaces \\\"nowhere\\\" not found", missing.Response.Content, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, terminating.Response.StatusCode);
        Assert.Equal("Terminating", (await client.CoreV1.ReadNamespaceAsync("ns1")).Status.Phase);
    }
}
