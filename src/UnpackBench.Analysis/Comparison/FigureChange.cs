namespace UnpackBench.Analysis.Comparison;

/// <summary>One resource figure on both sides (medians over successful runs); null where not measured.</summary>
/// <param name="Baseline">The baseline's median.</param>
/// <param name="Candidate">The candidate's median.</param>
public sealed record FigureChange(double? Baseline, double? Candidate)
{
    /// <summary>Candidate / baseline; null when either is missing or the baseline is 0.</summary>
    public double? Ratio => Baseline is > 0 && Candidate is { } candidate ? candidate / Baseline.Value : null;
}
