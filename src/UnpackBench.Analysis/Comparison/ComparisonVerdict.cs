namespace UnpackBench.Analysis.Comparison;

/// <summary>What a comparison concludes about the candidate's unpack time against the baseline's.</summary>
public enum ComparisonVerdict
{
    /// <summary>The whole confidence interval of the ratio of medians lies inside ±threshold.</summary>
    Same,

    /// <summary>The whole interval lies above 1 + threshold: a regression beyond the threshold, with confidence.</summary>
    Slower,

    /// <summary>The whole interval lies below 1 − threshold.</summary>
    Faster,

    /// <summary>Too few runs for an interval, or the interval straddles a threshold bound.</summary>
    Inconclusive,
}
