namespace UnpackBench.Operator.Hosting;

/// <summary>
/// One setting of the operator: its <c>--option</c>, the environment variable a Deployment sets instead,
/// and, for whole numbers, the default and range. The chart, the kustomize config and the tests take
/// names and defaults from <see cref="OperatorSettings"/>.
/// </summary>
/// <param name="Option">The option without its dashes, e.g. <c>metrics-port</c>.</param>
/// <param name="Variable">The environment variable, e.g. <c>METRICS_PORT</c>.</param>
/// <param name="Help">What it sets.</param>
public sealed record OperatorSetting(string Option, string Variable, string Help)
{
    /// <summary>The default of a whole-number setting.</summary>
    public int? Default { get; init; }

    /// <summary>The smallest allowed value of a whole-number setting.</summary>
    public int Min { get; init; }

    /// <summary>The largest allowed value of a whole-number setting.</summary>
    public int Max { get; init; }

    /// <summary>Whether the option is a flag that takes no value.</summary>
    public bool IsFlag { get; init; }
}

/// <summary>Every setting of the operator.</summary>
public static class OperatorSettings
{
    /// <summary>--agent-image.</summary>
    public static OperatorSetting AgentImage { get; } = new("agent-image", "UNPACKBENCH_AGENT_IMAGE", "the image agent pods run");

    /// <summary>--agent-image-pull-policy.</summary>
    public static OperatorSetting AgentImagePullPolicy { get; } = new("agent-image-pull-policy", "UNPACKBENCH_AGENT_IMAGE_PULL_POLICY", "Always, IfNotPresent (default) or Never");

    /// <summary>--namespace.</summary>
    public static OperatorSetting Namespace { get; } = new("namespace", "WATCH_NAMESPACE", "reconcile only this namespace's benchmarks");

    /// <summary>--leader-elect.</summary>
    public static OperatorSetting LeaderElect { get; } = new("leader-elect", "LEADER_ELECT", "elect a leader through a Lease") { IsFlag = true };

    /// <summary>--lease-namespace.</summary>
    public static OperatorSetting LeaseNamespace { get; } = new("lease-namespace", "POD_NAMESPACE", "the Lease's namespace (the operator's own)");

    /// <summary>--lease-name.</summary>
    public static OperatorSetting LeaseName { get; } = new("lease-name", "LEASE_NAME", "the Lease's name");

    /// <summary>--identity.</summary>
    public static OperatorSetting Identity { get; } = new("identity", "POD_NAME", "this replica's name in the Lease");

    /// <summary>--workers.</summary>
    public static OperatorSetting Workers { get; } = new("workers", "WORKERS", "parallel reconciles") { Default = 8, Min = 1, Max = 64 };

    /// <summary>--metrics-port.</summary>
    public static OperatorSetting MetricsPort { get; } = new("metrics-port", "METRICS_PORT", "port of /metrics; 0 disables it") { Default = 8080, Min = 0, Max = 65535 };

    /// <summary>--health-port.</summary>
    public static OperatorSetting HealthPort { get; } = new("health-port", "HEALTH_PORT", "port of /healthz and /readyz; 0 disables them") { Default = 8081, Min = 0, Max = 65535 };

    /// <summary>--bind-address.</summary>
    public static OperatorSetting BindAddress { get; } = new("bind-address", "BIND_ADDRESS", "the IP address the metrics and health ports listen on (default 0.0.0.0)");

    /// <summary>--resync-seconds.</summary>
    public static OperatorSetting ResyncSeconds { get; } = new("resync-seconds", "RESYNC_SECONDS", "how often every benchmark is reconciled anyway") { Default = 600, Min = 10, Max = 86400 };

    /// <summary>--unschedulable-timeout-seconds.</summary>
    public static OperatorSetting UnschedulableTimeoutSeconds { get; } = new("unschedulable-timeout-seconds", "UNSCHEDULABLE_TIMEOUT_SECONDS", "how long an agent pod may wait for a node or its image") { Default = 300, Min = 10, Max = 86400 };

    /// <summary>--terminating-timeout-seconds.</summary>
    public static OperatorSetting TerminatingTimeoutSeconds { get; } = new("terminating-timeout-seconds", "TERMINATING_TIMEOUT_SECONDS", "how long a deleted agent pod may stay unconfirmed by its node") { Default = 120, Min = 10, Max = 86400 };

    /// <summary>--server.</summary>
    public static OperatorSetting Server { get; } = new("server", "UNPACKBENCH_API_SERVER", "the API server's URL, overriding the kubeconfig's or the in-cluster one (credentials are kept)");

    /// <summary>--kubeconfig.</summary>
    public static OperatorSetting Kubeconfig { get; } = new("kubeconfig", "KUBECONFIG", "kubeconfig file(s), separated by ':', the first that exists is used (default ~/.kube/config; in a pod, the service account)");

    /// <summary>Every setting.</summary>
    public static IReadOnlyList<OperatorSetting> All { get; } =
    [
        AgentImage, AgentImagePullPolicy, Namespace, LeaderElect, LeaseNamespace, LeaseName, Identity, Workers, MetricsPort, HealthPort,
        BindAddress, ResyncSeconds, UnschedulableTimeoutSeconds, TerminatingTimeoutSeconds, Server, Kubeconfig,
    ];
}
