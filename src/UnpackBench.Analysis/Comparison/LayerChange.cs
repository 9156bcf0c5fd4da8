namespace UnpackBench.Analysis.Comparison;

/// <summary>One layer, matched by diff ID, and how its unpack time moved.</summary>
public sealed record LayerChange
{
    /// <summary>Digest of the uncompressed layer: the same content has the same diff ID however it is compressed.</summary>
    public required string DiffId { get; init; }

    /// <summary>Whether the layer was added, removed or kept.</summary>
    public required LayerChangeKind Change { get; init; }

    /// <summary>1-based position in the baseline image, base first; null when added.</summary>
    public int? BaselinePosition { get; init; }

    /// <summary>1-based position in the candidate image; null when removed.</summary>
    public int? CandidatePosition { get; init; }

    /// <summary>Compressed size (the candidate's blob when it has the layer).</summary>
    public long? CompressedBytes { get; init; }

    /// <summary>Uncompressed size, when measured.</summary>
    public long? UncompressedBytes { get; init; }

    /// <summary>Median time of the layer over the baseline's successful runs, seconds.</summary>
    public double? BaselineMedianSeconds { get; init; }

    /// <summary>Median time over the candidate's successful runs, seconds.</summary>
    public double? CandidateMedianSeconds { get; init; }

    /// <summary>Candidate minus baseline median, seconds; a missing side counts as 0 (an added layer's whole time is a change).</summary>
    public double? ChangeSeconds { get; init; }

    /// <summary>For a layer in both images: the verdict on its own times by the same rule as the whole unpack; null otherwise.</summary>
    public ComparisonVerdict? Verdict { get; init; }
}
