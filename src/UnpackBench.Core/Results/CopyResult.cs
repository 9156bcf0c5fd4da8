namespace UnpackBench.Core.Results;

/// <summary>One of the N copies a run unpacked at the same time (<c>--concurrency N</c>).</summary>
public sealed record CopyResult
{
    /// <summary>1-based copy number.</summary>
    public required int Copy { get; init; }

    /// <summary>This copy's own unpack time, first prepare to last commit; null when it failed.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>Per-layer times of this copy.</summary>
    public IReadOnlyList<LayerTiming> Layers { get; init; } = [];
}
