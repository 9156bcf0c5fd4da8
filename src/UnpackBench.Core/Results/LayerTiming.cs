namespace UnpackBench.Core.Results;

/// <summary>
/// How long one layer took, split into containerd's three steps. The steps are consecutive readings
/// of one monotonic clock, so they add up to the layer's time and the layers add up to the run's.
/// </summary>
public sealed record LayerTiming
{
    /// <summary>The layer blob's digest (compressed, as in the manifest).</summary>
    public required string Digest { get; init; }

    /// <summary>Prepare + apply + commit.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>Creating the active snapshot on the parent chain.</summary>
    public required double PrepareSeconds { get; init; }

    /// <summary>Decompressing and extracting the layer into the snapshot.</summary>
    public required double ApplySeconds { get; init; }

    /// <summary>Committing the snapshot under its chain ID.</summary>
    public required double CommitSeconds { get; init; }
}
