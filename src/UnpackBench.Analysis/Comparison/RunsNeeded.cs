namespace UnpackBench.Analysis.Comparison;

/// <summary>How many runs an inconclusive comparison would need for a verdict.</summary>
/// <param name="PerSample">
/// Runs per benchmark (the same on both sides) estimated to settle the question; null when no number
/// of runs would (the ratio sits on a threshold bound).
/// </param>
/// <param name="Reason">How the number was found, in a sentence.</param>
public sealed record RunsNeeded(int? PerSample, string Reason);
