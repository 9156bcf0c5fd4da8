using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests.Admission;

/// <summary>RBAC from Role/ClusterRole YAML: what an identity may not do is a 403 with kube-apiserver's message.</summary>
public sealed class RbacTests
{
    private const string Rbac = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: operator}
        rules:
          - apiGroups: [""]
            resources: [pods]
            verbs: [get, list, watch, create, delete]
          - apiGroups: [""]
            resources: [pods/log]
            verbs: [get]
          - apiGroups: [""]
            resources: [configmaps]
            verbs: [get]
            resourceNames: [settings]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: operator}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: operator}
        subjects: [{kind: ServiceAccount, name: op, namespace: system}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: leases, namespace: system}
        rules: [{apiGroups: [coordination.k8s.io], resources: [leases], verbs: [get, create, update]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: leases, namespace: system}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: leases}
        subjects: [{kind: ServiceAccount, name: op, namespace: system}]
        """;

    private const string User = "system:serviceaccount:system:op";

    [Fact]
    public async Task A_bound_cluster_role_allows_its_verbs_in_every_namespace_and_nothing_else()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient(RequestIdentity.ServiceAccount("system", "op"));

        await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1");
        await client.CoreV1.ListPodForAllNamespacesAsync();
        var create = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("c1"), "ns1"));
        var update = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.PatchNamespacedPodAsync(new V1Patch("{}", V1Patch.PatchType.MergePatch), "p1", "ns1"));
        var listAll = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListConfigMapForAllNamespacesAsync());

        Assert.Equal((HttpStatusCode.Forbidden, $"configmaps is forbidden: User \"{User}\" cannot create resource \"configmaps\" in API group \"\" in the namespace \"ns1\""), Describe(create));
        Assert.Equal((HttpStatusCode.Forbidden, $"pods \"p1\" is forbidden: User \"{User}\" cannot patch resource \"pods\" in API group \"\" in the namespace \"ns1\""), Describe(update));
        Assert.Equal((HttpStatusCode.Forbidden, $"configmaps is forbidden: User \"{User}\" cannot list resource \"configmaps\" in API group \"\" at the cluster scope"), Describe(listAll));
    }

    [Fact]
    public async Task Subresources_resource_names_and_role_bindings_are_honoured()
    {
        await using var server = await StartAsync();
        using var admin = server.CreateClient();
        using var client = server.CreateClient(RequestIdentity.ServiceAccount("system", "op"));
        await admin.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("settings"), "ns1");
        await admin.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("other"), "ns1");
        await admin.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1");
        var lease = new V1Lease { Metadata = new V1ObjectMeta { Name = "lock" } };

        await client.CoreV1.ReadNamespacedConfigMapAsync("settings", "ns1");
        await client.CoordinationV1.CreateNamespacedLeaseAsync(lease, "system");
        var otherMap = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedConfigMapAsync("other", "ns1"));
        var leaseElsewhere = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoordinationV1.CreateNamespacedLeaseAsync(lease, "ns1"));
        var status = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedPodStatusAsync("p1", "ns1"));

        Assert.Equal($"configmaps \"other\" is forbidden: User \"{User}\" cannot get resource \"configmaps\" in API group \"\" in the namespace \"ns1\"", Describe(otherMap).Message);
        Assert.Equal($"leases.coordination.k8s.io is forbidden: User \"{User}\" cannot create resource \"leases\" in API group \"coordination.k8s.io\" in the namespace \"ns1\"", Describe(leaseElsewhere).Message);
        Assert.Equal($"pods \"p1\" is forbidden: User \"{User}\" cannot get resource \"pods/status\" in API group \"\" in the namespace \"ns1\"", Describe(status).Message);
    }

    [Fact]
    public async Task The_admin_client_may_do_anything_and_rbac_off_allows_everyone()
    {
        await using var server = await StartAsync();
        await using var open = await ApiTestServer.StartAsync();
        using var admin = server.CreateClient();
        using var stranger = open.CreateClient(RequestIdentity.User("alice"));

        await admin.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s1" } }, "ns1");
        await stranger.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s1" } }, "ns1");

        Assert.Throws<InvalidOperationException>(() => open.ApplyRbac(Rbac));
    }

    private static async Task<ApiTestServer> StartAsync()
    {
        var server = await ApiTestServer.StartAsync(new ApiTestServerOptions { Rbac = true });
        server.ApplyRbac(Rbac);
        return server;
    }

    private static (HttpStatusCode Code, string Message) Describe(HttpOperationException error) =>
        (error.Response.StatusCode, KubernetesJson.Deserialize<V1Status>(error.Response.Content).Message);
}
