using k8s;
using k8s.KubeConfigModels;
using UnpackBench.Testing.Kubernetes;

namespace UnpackBench.Bench.OperatorScale;

/// <summary>
/// Who sends each request in operator-scale, as on a real cluster: the operator as its ServiceAccount (the one
/// config/rbac binds), the scheduler and each kubelet as themselves, the person creating benchmarks as an admin.
/// The request log counts per identity, so the operator's figure holds only the operator's requests.
/// </summary>
internal static class ClusterIdentities
{
    /// <summary>The operator's ServiceAccount.</summary>
    public static RequestIdentity Operator { get; } = RequestIdentity.ServiceAccount("unpackbench-system", "unpackbench-operator");

    /// <summary>The test scheduler, as kube-scheduler authenticates.</summary>
    public static RequestIdentity Scheduler { get; } = RequestIdentity.User("system:kube-scheduler");

    /// <summary>A test kubelet, as a node's kubelet authenticates.</summary>
    public static RequestIdentity Node(string name) => RequestIdentity.User($"system:node:{name}", "system:nodes");

    /// <summary>Writes a kubeconfig that connects to <paramref name="server"/> as the operator's ServiceAccount; returns its path.</summary>
    public static string WriteOperatorKubeconfig(ApiTestServer server, string directory)
    {
        var client = server.CreateClientConfiguration(Operator);
        var configuration = new K8SConfiguration
        {
            ApiVersion = "v1",
            Kind = "Config",
            CurrentContext = "operator",
            Clusters = [new Cluster { Name = "api-test-server", ClusterEndpoint = new ClusterEndpoint { Server = client.Host } }],
            Users = [new User { Name = "operator", UserCredentials = new UserCredentials { Token = client.AccessToken } }],
            Contexts = [new Context { Name = "operator", ContextDetails = new ContextDetails { Cluster = "api-test-server", User = "operator" } }],
        };
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "operator.kubeconfig");
        File.WriteAllText(path, KubernetesYaml.Serialize(configuration));
        return path;
    }
}
