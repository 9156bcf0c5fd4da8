namespace UnpackBench.Analysis.Comparison;

/// <summary>A verdict with the sentence that explains it and, when inconclusive, the runs a verdict would need.</summary>
/// <param name="Verdict">What the comparison concludes.</param>
/// <param name="Explanation">Why, in words that name the interval and the bound.</param>
/// <param name="RunsNeeded">For an inconclusive verdict, how many runs would settle it.</param>
public sealed record VerdictDecision(ComparisonVerdict Verdict, string Explanation, RunsNeeded? RunsNeeded);
