namespace UnpackBench.Operator;

/// <summary>How the operator runs: what it watches, the agent image it schedules, leader election, ports.</summary>
public sealed record OperatorOptions
{
    /// <summary>The image the agent pods run (by default the operator's own image, which contains both).</summary>
    public required string AgentImage { get; init; }

    /// <summary>The agent container's imagePullPolicy.</summary>
    public string AgentImagePullPolicy { get; init; } = "IfNotPresent";

    /// <summary>Only this namespace's benchmarks are reconciled; null for all namespaces.</summary>
    public string? WatchNamespace { get; init; }

    /// <summary>Whether replicas elect a leader through a Lease (on when more than one replica runs).</summary>
    public bool LeaderElection { get; init; }

    /// <summary>The namespace of the leader-election Lease (the operator's own).</summary>
    public string LeaseNamespace { get; init; } = "unpackbench-system";

    /// <summary>The Lease's name.</summary>
    public string LeaseName { get; init; } = "unpackbench-operator";

    /// <summary>This replica's identity in the Lease (the pod name).</summary>
    public string Identity { get; init; } = Environment.MachineName;

    /// <summary>Parallel reconciles (never two for the same benchmark).</summary>
    public int Workers { get; init; } = 8;

    /// <summary>How often every benchmark is reconciled even without changes.</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an agent pod may stay unschedulable, unable to pull the agent image, or unstarted on its node before the benchmark fails.</summary>
    public TimeSpan UnschedulableTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a deleted agent pod may stay terminating (its node not confirming) before the benchmark fails.</summary>
    public TimeSpan TerminatingTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The least time between two status writes of a survey that only record progress (runs counted so
    /// far); phase changes, a node's end and everything else are written at once.
    /// </summary>
    public TimeSpan SurveyProgressInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The address /metrics, /healthz and /readyz listen on.</summary>
    public string BindAddress { get; init; } = "0.0.0.0";

    /// <summary>Port of /metrics; 0 disables it.</summary>
    public int MetricsPort { get; init; } = 8080;

    /// <summary>Port of /healthz and /readyz; 0 disables them.</summary>
    public int HealthPort { get; init; } = 8081;
}
