using System.Text.Json.Serialization;

namespace UnpackBench.Core.Results;

/// <summary>One timed unpack: clear, verify clean, unpack every layer, verify complete.</summary>
public sealed record RunResult
{
    /// <summary>Status of a run that unpacked and passed both checks.</summary>
    public const string Success = "success";

    /// <summary>Status of a run that failed a check or a step.</summary>
    public const string Failed = "failed";

    /// <summary>1-based run number.</summary>
    public required int RunId { get; init; }

    /// <summary><see cref="Success"/> or <see cref="Failed"/>.</summary>
    public required string Status { get; init; }

    /// <summary>Why the run failed; null when it succeeded.</summary>
    public string? Error { get; init; }

    /// <summary>Wall time of the unpack, first prepare to last commit; null when the run failed.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>When the timed window opened.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>How long clearing the previous run's snapshots took (untimed).</summary>
    public double? ClearSeconds { get; init; }

    /// <summary>Per-layer times, base layer first; for a failed run, the layers that completed.</summary>
    public IReadOnlyList<LayerTiming> Layers { get; init; } = [];

    /// <summary>Resource peaks during the timed window (from the sampled series); fields are null when not measured.</summary>
    public PeakMetrics PeakMetrics { get; init; } = new();

    /// <summary>Exact totals and the sampled series of the timed window; null when not measured.</summary>
    public RunMetrics? Metrics { get; init; }

    /// <summary>The page-cache state the run started in; absent in documents of agents that did not record it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CacheState? CacheState { get; init; }

    /// <summary>With <c>--concurrency N</c> above 1, each copy's own time; <see cref="DurationSeconds"/> is then the wall time until all were done.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CopyResult>? Copies { get; init; }

    /// <summary>With concurrency, the aggregate throughput: copies × uncompressed MB / wall time.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ThroughputMbPerSecond { get; init; }

    /// <summary>With <c>--durable</c>, the time syncfs took on the snapshot filesystem right after the unpack.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? SyncSeconds { get; init; }

    /// <summary>With <c>--durable</c>, <see cref="DurationSeconds"/> plus <see cref="SyncSeconds"/>: until the unpacked files were on disk.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? DurableSeconds { get; init; }

    /// <summary>With <c>--floor</c>, Σ decompression floor / duration: how close the unpack came to decompression alone (1 = no slower).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Efficiency { get; init; }

    /// <summary>With <c>--floor</c>, duration / Σ extraction floor: the unpack's time against plain decompress + GNU tar.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? OverheadVsTar { get; init; }
}
