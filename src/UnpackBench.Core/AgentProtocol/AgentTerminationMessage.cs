using UnpackBench.Core.Results;

namespace UnpackBench.Core.AgentProtocol;

/// <summary>
/// The agent's verdict in the file a pod declares as its terminationMessagePath. Kubernetes keeps it in
/// the pod's status, so it reaches the operator even when the pod's log cannot be read: it carries the
/// outcome, the summary figures, each run's duration and the image on its own.
/// <see cref="AgentTerminationMessageJson"/> writes it as JSON of at most <see cref="MaxBytes"/> bytes.
/// </summary>
public sealed record AgentTerminationMessage
{
    /// <summary>The most bytes Kubernetes keeps of a termination message.</summary>
    public const int MaxBytes = 4096;

    /// <summary><see cref="AgentOutcomes.Succeeded"/> or <see cref="AgentOutcomes.Failed"/>.</summary>
    public required string Outcome { get; init; }

    /// <summary>Why it failed, one of <see cref="AgentFailureReasons"/>; null on success.</summary>
    public string? Reason { get; init; }

    /// <summary>A sentence a person can act on (shortened last, when the whole does not fit).</summary>
    public string Message { get; init; } = "";

    /// <summary>Runs that succeeded.</summary>
    public int? SuccessfulRuns { get; init; }

    /// <summary>Runs that failed.</summary>
    public int? FailedRuns { get; init; }

    /// <summary>Median duration, seconds.</summary>
    public double? MedianSeconds { get; init; }

    /// <summary>Mean duration, seconds.</summary>
    public double? AvgSeconds { get; init; }

    /// <summary>Fastest run, seconds.</summary>
    public double? MinSeconds { get; init; }

    /// <summary>Slowest run, seconds.</summary>
    public double? MaxSeconds { get; init; }

    /// <summary>95th percentile, seconds.</summary>
    public double? P95Seconds { get; init; }

    /// <summary>Uncompressed MB per second at the median.</summary>
    public double? ThroughputMbPerSecond { get; init; }

    /// <summary>Each timed run's duration in run order; null for a run that failed. Cut first when too long.</summary>
    public IReadOnlyList<double?>? RunSeconds { get; init; }

    /// <summary>The digest the image reference resolved to.</summary>
    public string? ImageDigest { get; init; }

    /// <summary>The platform unpacked.</summary>
    public string? Platform { get; init; }

    /// <summary>Number of layers (cut before anything else).</summary>
    public int? Layers { get; init; }

    /// <summary>Compressed size of the layers, bytes (cut before anything else).</summary>
    public long? CompressedBytes { get; init; }

    /// <summary>Uncompressed size of the layers, bytes (cut before anything else).</summary>
    public long? UncompressedBytes { get; init; }

    /// <summary>The fields left out or shortened to fit, in the order they were cut (see <see cref="AgentTerminationMessageJson"/>).</summary>
    public IReadOnlyList<string> Cut { get; init; } = [];

    /// <summary>The message for a verdict, with the figures of <paramref name="result"/> when there is one.</summary>
    public static AgentTerminationMessage For(string outcome, string? reason, string message, BenchmarkResult? result) => new()
    {
        Outcome = outcome,
        Reason = reason,
        Message = message,
        SuccessfulRuns = result?.Summary.SuccessfulRuns,
        FailedRuns = result?.Summary.FailedRuns,
        MedianSeconds = result?.Summary.MedianDurationSeconds,
        AvgSeconds = result?.Summary.AvgDurationSeconds,
        MinSeconds = result?.Summary.MinDurationSeconds,
        MaxSeconds = result?.Summary.MaxDurationSeconds,
        P95Seconds = result?.Summary.P95DurationSeconds,
        ThroughputMbPerSecond = result?.Summary.ThroughputMbPerSecond,
        RunSeconds = result?.Runs.OrderBy(r => r.RunId).Select(r => r.Status == RunResult.Success ? r.DurationSeconds : null).ToList(),
        ImageDigest = result?.Image.Digest,
        Platform = result?.Image.Platform,
        Layers = result?.Image.Layers.Count,
        CompressedBytes = result?.Image.TotalCompressedBytes,
        UncompressedBytes = result?.Image.TotalUncompressedBytes,
    };
}

/// <summary>The outcomes a termination message states.</summary>
public static class AgentOutcomes
{
    /// <summary>At least one run succeeded and the benchmark completed.</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>The benchmark failed; the reason says why.</summary>
    public const string Failed = "Failed";
}
