namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// One compact status row: a node and a snapshotter, what the node is (the labels that matter, kernel,
/// containerd), how far its agent got, and the figures people compare nodes by. Decimal figures are
/// strings, as the Kubernetes conventions advise; the full document is in <see cref="ResultConfigMap"/>.
/// </summary>
public sealed record NodeBenchmarkStatus
{
    /// <summary>The node (of a benchmark on one node: once the agent pod is scheduled).</summary>
    public string? NodeName { get; init; }

    /// <summary>The snapshotter this row measured.</summary>
    public string? Snapshotter { get; init; }

    /// <summary>The node's <c>node.kubernetes.io/instance-type</c> label.</summary>
    public string? InstanceType { get; init; }

    /// <summary>The node's <c>topology.kubernetes.io/zone</c> label.</summary>
    public string? Zone { get; init; }

    /// <summary>The node's kernel, from the agent's document once it arrived, the Node's status before.</summary>
    public string? Kernel { get; init; }

    /// <summary>The containerd that unpacked, from the agent's document once it arrived, the node's runtime before.</summary>
    public string? ContainerdVersion { get; init; }

    /// <summary>The agent pod.</summary>
    public string AgentPod { get; init; } = "";

    /// <summary>Agent pods tried on this node: 2 after an evicted pod was retried.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>This row's phase: Pending, Running, Succeeded or Failed.</summary>
    public string Phase { get; init; } = BenchmarkPhase.Pending;

    /// <summary>A CamelCase reason for the phase, e.g. <c>WaitingForSlot</c>, <c>NodeLost</c>, <c>Evicted</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>A sentence about the phase.</summary>
    public string? Message { get; init; }

    /// <summary>Runs completed on this node.</summary>
    public int CompletedRuns { get; init; }

    /// <summary>Median run, seconds.</summary>
    public string? MedianSeconds { get; init; }

    /// <summary>95th percentile, seconds.</summary>
    public string? P95Seconds { get; init; }

    /// <summary>Uncompressed MB per second at the median.</summary>
    public string? ThroughputMBps { get; init; }

    /// <summary>containerd's CPU seconds per run (mean over successful runs).</summary>
    public string? CpuSeconds { get; init; }

    /// <summary>containerd's highest memory peak, MiB.</summary>
    public string? MemoryPeakMB { get; init; }

    /// <summary>The ConfigMap with this node's full result document, once there is one.</summary>
    public string? ResultConfigMap { get; init; }
}
