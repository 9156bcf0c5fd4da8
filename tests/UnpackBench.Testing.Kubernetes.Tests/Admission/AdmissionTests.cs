using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests.Admission;

/// <summary>The admission plugins an operator's pods meet on a real cluster, with their real refusals.</summary>
public sealed class AdmissionTests
{
    [Fact]
    public async Task Pod_security_baseline_refuses_a_privileged_pod_with_a_host_path_volume()
    {
        await using var server = await ApiTestServer.StartAsync(new ApiTestServerOptions { Admission = AdmissionPlugins.PodSecurity });
        using var client = server.CreateClient();
        await CreateNamespaceAsync(client, "bench", new Dictionary<string, string> { ["pod-security.kubernetes.io/enforce"] = "baseline" });

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedPodAsync(AgentLikePod("agent-1"), "bench"));

        Assert.Equal(
            (HttpStatusCode.Forbidden, "Forbidden", "pods \"agent-1\" is forbidden: violates PodSecurity \"baseline:latest\": hostPath volumes (volume \"containerd-root\"), privileged (container \"agent\" must not set securityContext.privileged=true)"),
            Describe(error));
    }

    [Fact]
    public async Task Pod_security_restricted_lists_every_violation_with_the_enforced_version()
    {
        await using var server = await ApiTestServer.StartAsync(new ApiTestServerOptions { Admission = AdmissionPlugins.PodSecurity });
        using var client = server.CreateClient();
        await CreateNamespaceAsync(client, "bench", new Dictionary<string, string>
        {
            ["pod-security.kubernetes.io/enforce"] = "restricted",
            ["pod-security.kubernetes.io/enforce-version"] = "v1.28",
        });

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("plain"), "bench"));

        Assert.Equal(
            "pods \"plain\" is forbidden: violates PodSecurity \"restricted:v1.28\": allowPrivilegeEscalation != false (container \"agent\" must set securityContext.allowPrivilegeEscalation=false), "
            + "unrestricted capabilities (container \"agent\" must set securityContext.capabilities.drop=[\"ALL\"]), "
            + "runAsNonRoot != true (pod or container \"agent\" must set securityContext.runAsNonRoot=true), "
            + "seccompProfile (pod or container \"agent\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")",
            Describe(error).Message);
    }

    [Fact]
    public async Task Pod_security_admits_everything_in_a_privileged_or_unlabelled_namespace()
    {
        await using var server = await ApiTestServer.StartAsync(new ApiTestServerOptions { Admission = AdmissionPlugins.PodSecurity });
        using var client = server.CreateClient();
        await CreateNamespaceAsync(client, "open", new Dictionary<string, string> { ["pod-security.kubernetes.io/enforce"] = "privileged" });

        await client.CoreV1.CreateNamespacedPodAsync(AgentLikePod("agent-1"), "open");
        await client.CoreV1.CreateNamespacedPodAsync(AgentLikePod("agent-2"), "implicit");
    }

    [Fact]
    public async Task The_service_account_plugin_refuses_a_pod_whose_service_account_is_missing_and_defaults_the_name()
    {
        await using var server = await ApiTestServer.StartAsync(new ApiTestServerOptions { Admission = AdmissionPlugins.ServiceAccount });
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1"));
        await client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "default" } }, "ns1");
        var admitted = await client.CoreV1.CreateNamespacedPodAsync(Objects.Pod("p1"), "ns1");

        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden", "pods \"p1\" is forbidden: error looking up service account ns1/default: serviceaccount \"default\" not found"), Describe(error));
        Assert.Equal("default", admitted.Spec.ServiceAccountName);
    }

    [Fact]
    public async Task Requests_above_limits_are_invalid()
    {
        await using var server = await ApiTestServer.StartAsync(new ApiTestServerOptions { Admission = AdmissionPlugins.PodResources });
        using var client = server.CreateClient();
        var pod = Objects.Pod("p1");
        pod.Spec.Containers[0].Resources = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("2"), ["memory"] = new("512Mi") },
            Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("1500m"), ["memory"] = new("1Gi") },
        };

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedPodAsync(pod, "ns1"));
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);

        Assert.Equal(((HttpStatusCode)422, "Invalid"), (error.Response.StatusCode, status.Reason));
        Assert.Equal("Pod \"p1\" is invalid: spec.containers[0].resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit", status.Message);
        Assert.Equal(("Pod", "FieldValueInvalid", "spec.containers[0].resources.requests"), (status.Details.Kind, status.Details.Causes.Single().Reason, status.Details.Causes.Single().Field));
    }

    [Fact]
    public async Task Blocking_owner_deletion_needs_update_on_the_owners_finalizers()
    {
        const string Rbac = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: creator}
            rules: [{apiGroups: [""], resources: [pods, configmaps], verbs: [create]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: finalizers}
            rules: [{apiGroups: [""], resources: [configmaps/finalizers], verbs: [update]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: both}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: creator}
            subjects: [{kind: User, name: alice}, {kind: User, name: bob}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: bob}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: finalizers}
            subjects: [{kind: User, name: bob}]
            """;
        await using var server = await ApiTestServer.StartAsync(new ApiTestServerOptions { Rbac = true, Admission = AdmissionPlugins.OwnerReferencesPermissionEnforcement });
        server.ApplyRbac(Rbac);
        using var admin = server.CreateClient();
        using var alice = server.CreateClient(RequestIdentity.User("alice"));
        using var bob = server.CreateClient(RequestIdentity.User("bob"));
        var owner = await admin.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("owner"), "ns1");

        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => alice.CoreV1.CreateNamespacedPodAsync(Owned("by-alice", owner, block: true), "ns1"));
        await alice.CoreV1.CreateNamespacedPodAsync(Owned("by-alice-unblocking", owner, block: false), "ns1");
        await bob.CoreV1.CreateNamespacedPodAsync(Owned("by-bob", owner, block: true), "ns1");

        Assert.Equal(
            (HttpStatusCode.Forbidden, "Forbidden", "pods \"by-alice\" is forbidden: cannot set blockOwnerDeletion if an ownerReference refers to a resource you can't set finalizers on: , <nil>"),
            Describe(refused));
    }

    private static V1Pod Owned(string name, V1ConfigMap owner, bool block)
    {
        var pod = Objects.Pod(name);
        owner.ApiVersion = "v1";
        owner.Kind = "ConfigMap";
        pod.Metadata.OwnerReferences = [Objects.OwnedBy(owner, blockOwnerDeletion: block)];
        return pod;
    }

    /// <summary>Shaped as the operator's agent pod: privileged, root, containerd's root on a hostPath.</summary>
    private static V1Pod AgentLikePod(string name)
    {
        var pod = Objects.Pod(name);
        pod.Spec.Containers[0].SecurityContext = new V1SecurityContext { Privileged = true, RunAsUser = 0, RunAsNonRoot = false };
        pod.Spec.Containers[0].VolumeMounts = [new V1VolumeMount { Name = "containerd-root", MountPath = "/var/lib/unpackbench" }];
        pod.Spec.Volumes = [new V1Volume { Name = "containerd-root", HostPath = new V1HostPathVolumeSource { Path = "/var/lib/unpackbench-cache", Type = "DirectoryOrCreate" } }];
        return pod;
    }

    private static Task<V1Namespace> CreateNamespaceAsync(k8s.Kubernetes client, string name, IDictionary<string, string> labels) =>
        client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name, Labels = labels } });

    private static (HttpStatusCode Code, string Reason, string Message) Describe(HttpOperationException error)
    {
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);
        return (error.Response.StatusCode, status.Reason, status.Message);
    }
}
