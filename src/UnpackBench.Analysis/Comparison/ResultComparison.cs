namespace UnpackBench.Analysis.Comparison;

/// <summary>
/// The comparison of a candidate benchmark with a baseline: the verdict on unpack time, the layers
/// that moved and the resources. Serialized snake_case, like the result document.
/// </summary>
public sealed record ResultComparison
{
    /// <summary>The benchmark compared against.</summary>
    public required DocumentIdentity Baseline { get; init; }

    /// <summary>The benchmark being judged.</summary>
    public required DocumentIdentity Candidate { get; init; }

    /// <summary>The threshold the verdict used, percent.</summary>
    public required double ThresholdPercent { get; init; }

    /// <summary>The verdict on unpack time.</summary>
    public required ComparisonVerdict Verdict { get; init; }

    /// <summary>Why, naming the interval and the bound.</summary>
    public required string Explanation { get; init; }

    /// <summary>For an inconclusive verdict, how many runs would settle it; null otherwise.</summary>
    public RunsNeeded? RunsNeeded { get; init; }

    /// <summary>The unpack times as distributions.</summary>
    public required DurationComparison Duration { get; init; }

    /// <summary>The layers, matched by diff ID.</summary>
    public required LayerComparison Layers { get; init; }

    /// <summary>containerd's CPU and memory.</summary>
    public required ResourceComparison Resources { get; init; }

    /// <summary>Fields that would have refused the comparison, when it was forced; empty otherwise.</summary>
    public IReadOnlyList<FieldDifference> ForcedDifferences { get; init; } = [];

    /// <summary>Whether the candidate is slower beyond the threshold, with confidence: what fails a CI job.</summary>
    public bool IsRegression => Verdict == ComparisonVerdict.Slower;
}
