using k8s;

namespace UnpackBench.Operator.Hosting;

/// <summary>
/// How the operator reaches the API server: the kubeconfig named by <c>--kubeconfig</c> or
/// <c>$KUBECONFIG</c> (of several separated by ':', the first that exists), else the pod's
/// service account, else <c>~/.kube/config</c>. <c>--server</c> overrides only the address: the
/// credentials and CA of whichever of those applies are kept.
/// </summary>
public static class ClusterConnection
{
    /// <summary>The client configuration, or a sentence saying why there is none.</summary>
    public static (KubernetesClientConfiguration? Configuration, string? Problem) Configure(string[] args, Func<string, string?> environment, Func<string, bool> fileExists)
    {
        var server = OperatorConfiguration.Value(OperatorSettings.Server, args, environment);
        var kubeconfig = OperatorConfiguration.Value(OperatorSettings.Kubeconfig, args, environment);
        var home = environment("HOME") is { Length: > 0 } h ? Path.Combine(h, ".kube", "config") : null;
        KubernetesClientConfiguration? configuration;
        if (kubeconfig is not null)
        {
            var files = kubeconfig.Split(':', StringSplitOptions.RemoveEmptyEntries).Where(fileExists).Select(f => new FileInfo(f)).ToArray();
            if (files.Length == 0)
            {
                return (null, $"kubeconfig '{kubeconfig}' (--{OperatorSettings.Kubeconfig.Option} or {OperatorSettings.Kubeconfig.Variable}) names no file that exists");
            }

            configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(files[0]);
        }
        else if (KubernetesClientConfiguration.IsInCluster())
        {
            configuration = KubernetesClientConfiguration.InClusterConfig();
        }
        else if (home is not null && fileExists(home))
        {
            configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(home);
        }
        else if (server is not null)
        {
            configuration = new KubernetesClientConfiguration();
        }
        else
        {
            return (null, $"no cluster to talk to: run in a pod, set {OperatorSettings.Kubeconfig.Variable} or --{OperatorSettings.Kubeconfig.Option}, or pass --{OperatorSettings.Server.Option} URL");
        }

        if (server is not null)
        {
            configuration.Host = server;
        }

        return (configuration, null);
    }
}
