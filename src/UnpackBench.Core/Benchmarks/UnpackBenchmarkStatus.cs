namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// What the operator observed of an <c>UnpackBenchmark</c>. Written only through the status
/// subresource, only when it changed. Per-node results are a list from the start, so fanning one
/// benchmark out across several nodes later adds entries rather than reshaping the status.
/// </summary>
public sealed record UnpackBenchmarkStatus
{
    /// <summary>Pending, Running, Succeeded, PartiallySucceeded (a survey some of whose nodes failed) or Failed.</summary>
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

    /// <summary>The node of the agent (of a benchmark on one node), for the printer column.</summary>
    public string? NodeName { get; init; }

    /// <summary>The ConfigMap holding the full result document (of a survey: the index of the per-node ConfigMaps).</summary>
    public string? ResultConfigMap { get; init; }

    /// <summary>The image as resolved by the agent.</summary>
    public BenchmarkImageStatus? Image { get; init; }

    /// <summary>The summary of a benchmark on one node (a survey's are in <see cref="Nodes"/>).</summary>
    public BenchmarkSummaryStatus? Summary { get; init; }

    /// <summary>One compact row per node and snapshotter.</summary>
    public IReadOnlyList<NodeBenchmarkStatus> Nodes { get; init; } = [];

    /// <summary>Of a survey (<c>placement: EachNode</c>): its nodes, the fastest and slowest, the spread, the skipped nodes.</summary>
    public SurveyStatus? Survey { get; init; }

    /// <summary>Of a prediction (<c>mode: Predict</c>): one row per node the selector matched; null otherwise.</summary>
    public IReadOnlyList<NodePredictionStatus>? Predictions { get; init; }

    /// <summary>Of a prediction: the range of predicted times and the interval's level.</summary>
    public PredictionStatus? Prediction { get; init; }
    /// <summary>With <c>spec.baseline</c>: the comparison with the baseline, once one could be made.</summary>
    public BenchmarkComparisonStatus? Comparison { get; init; }
}

/// <summary>The phases of a benchmark.</summary>
public static class BenchmarkPhase
{
    /// <summary>Waiting for the agent pod to be created, scheduled or started.</summary>
    public const string Pending = "Pending";

    /// <summary>The agent is acquiring the image or running.</summary>
    public const string Running = "Running";

    /// <summary>All runs are done and at least one succeeded (of a survey: on every node).</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>A survey is done: some nodes succeeded, others failed; the conditions say which.</summary>
    public const string PartiallySucceeded = "PartiallySucceeded";

    /// <summary>The benchmark cannot complete (of a survey: no node succeeded); the conditions say why.</summary>
    public const string Failed = "Failed";

    /// <summary>Whether <paramref name="phase"/> is an end: Succeeded, PartiallySucceeded or Failed.</summary>
    public static bool IsFinished(string? phase) => phase is Succeeded or PartiallySucceeded or Failed;
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

    /// <summary>containerd's CPU seconds per run, the mean over successful runs.</summary>
    public string? CpuSeconds { get; init; }

    /// <summary>Highest CPU peak, percent of one core.</summary>
    public string? CpuPeakPercent { get; init; }

    /// <summary>Highest memory peak, MiB.</summary>
    public string? MemoryPeakMB { get; init; }

    /// <summary>Highest PID count.</summary>
    public int? PidPeakCount { get; init; }
}
