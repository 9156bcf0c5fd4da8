namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// What the operator observed of an <c>UnpackBenchmark</c>. Written only through the status
/// subresource, only when it changed. Per-node results are a list from the start, so fanning one
/// benchmark out across several nodes later adds entries rather than reshaping the status.
/// </summary>
public sealed record UnpackBenchmarkStatus
{
    /// <summary>Pending, Running, Succeeded or Failed.</summary>
    public string Phase { get; init; } = BenchmarkPhase.Pending;

    /// <summary>The spec generation this status describes.</summary>
    public long ObservedGeneration { get; init; }

    /// <summary>Ready and Succeeded, following the Kubernetes API conventions.</summary>
    public IReadOnlyList<BenchmarkCondition> Conditions { get; init; } = [];

    /// <summary>When the agent started.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When the benchmark finished, successfully or not.</summary>
    public DateTimeOffset? CompletionTime { get; init; }

    /// <summary>Runs completed so far (successful or failed), for <c>kubectl get</c>.</summary>
    public int CompletedRuns { get; init; }

    /// <summary>Runs asked for.</summary>
    public int Runs { get; init; }

    /// <summary><c>completedRuns/runs</c>, for the printer column.</summary>
    public string Progress { get; init; } = "";

    /// <summary>The node of the (first) agent, for the printer column.</summary>
    public string? NodeName { get; init; }

    /// <summary>The ConfigMap holding the full result document.</summary>
    public string? ResultConfigMap { get; init; }

    /// <summary>The image as resolved by the agent.</summary>
    public BenchmarkImageStatus? Image { get; init; }

    /// <summary>The summary (of the only node, for now).</summary>
    public BenchmarkSummaryStatus? Summary { get; init; }

    /// <summary>One entry per node benchmarked.</summary>
    public IReadOnlyList<NodeBenchmarkStatus> Nodes { get; init; } = [];
}

/// <summary>The phases of a benchmark.</summary>
public static class BenchmarkPhase
{
    /// <summary>Waiting for the agent pod to be created, scheduled or started.</summary>
    public const string Pending = "Pending";

    /// <summary>The agent is acquiring the image or running.</summary>
    public const string Running = "Running";

    /// <summary>All runs are done and at least one succeeded.</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>The benchmark cannot complete; the conditions say why.</summary>
    public const string Failed = "Failed";
}

/// <summary>A condition as the Kubernetes API conventions define it.</summary>
public sealed record BenchmarkCondition
{
    /// <summary><c>Ready</c> or <c>Succeeded</c>.</summary>
    public string Type { get; init; } = "";

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    public string Status { get; init; } = "Unknown";

    /// <summary>The generation the condition was computed from.</summary>
    public long ObservedGeneration { get; init; }

    /// <summary>When <see cref="Status"/> last changed (not when the message did).</summary>
    public DateTimeOffset LastTransitionTime { get; init; }

    /// <summary>A CamelCase machine-readable reason.</summary>
    public string Reason { get; init; } = "";

    /// <summary>A sentence a person can act on.</summary>
    public string Message { get; init; } = "";
}

/// <summary>One node's benchmark.</summary>
public sealed record NodeBenchmarkStatus
{
    /// <summary>The node, once the agent pod is scheduled.</summary>
    public string? NodeName { get; init; }

    /// <summary>The agent pod.</summary>
    public string AgentPod { get; init; } = "";

    /// <summary>This node's phase.</summary>
    public string Phase { get; init; } = BenchmarkPhase.Pending;

    /// <summary>Runs completed on this node.</summary>
    public int CompletedRuns { get; init; }

    /// <summary>This node's summary once runs completed.</summary>
    public BenchmarkSummaryStatus? Summary { get; init; }
}

/// <summary>The image as the agent resolved it.</summary>
public sealed record BenchmarkImageStatus
{
    /// <summary>The digest the reference resolved to.</summary>
    public string Digest { get; init; } = "";

    /// <summary>The platform unpacked.</summary>
    public string Platform { get; init; } = "";

    /// <summary>Number of layers.</summary>
    public int Layers { get; init; }

    /// <summary>Compressed size, bytes.</summary>
    public long CompressedBytes { get; init; }

    /// <summary>Uncompressed size, bytes, once known.</summary>
    public long? UncompressedBytes { get; init; }
}

/// <summary>The summary figures in status (the full document is in the result ConfigMap).</summary>
public sealed record BenchmarkSummaryStatus
{
    /// <summary>Successful runs.</summary>
    public int SuccessfulRuns { get; init; }

    /// <summary>Failed runs.</summary>
    public int FailedRuns { get; init; }

    /// <summary>Durations as decimal strings (status avoids floats, as Kubernetes conventions advise).</summary>
    public string? AvgSeconds { get; init; }

    /// <summary>Fastest run.</summary>
    public string? MinSeconds { get; init; }

    /// <summary>Slowest run.</summary>
    public string? MaxSeconds { get; init; }

    /// <summary>Median run.</summary>
    public string? MedianSeconds { get; init; }

    /// <summary>95th percentile.</summary>
    public string? P95Seconds { get; init; }

    /// <summary>Uncompressed MB per second at the median.</summary>
    public string? ThroughputMBps { get; init; }

    /// <summary>Highest CPU peak, percent of one core.</summary>
    public string? CpuPeakPercent { get; init; }

    /// <summary>Highest memory peak, MiB.</summary>
    public string? MemoryPeakMB { get; init; }

    /// <summary>Highest PID count.</summary>
    public int? PidPeakCount { get; init; }
}
