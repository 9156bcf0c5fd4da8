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
}
