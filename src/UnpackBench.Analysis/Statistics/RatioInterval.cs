namespace UnpackBench.Analysis.Statistics;

/// <summary>
/// The ratio of two samples' medians (candidate / baseline) with a confidence interval. The interval
/// is missing when the samples are too small for any interval at <see cref="ConfidenceLevel"/>;
/// <see cref="MinimumRunsPerSample"/> says how many runs per sample that level needs at least.
/// </summary>
/// <param name="Ratio">median(candidate) / median(baseline): above 1 the candidate is slower.</param>
/// <param name="Lower">Lower bound of the interval, or null when there is none.</param>
/// <param name="Upper">Upper bound of the interval, or null when there is none.</param>
/// <param name="ConfidenceLevel">The level asked for, e.g. 0.95.</param>
/// <param name="Coverage">The interval's exact coverage (at least <see cref="ConfidenceLevel"/>), or null without one.</param>
/// <param name="MinimumRunsPerSample">The fewest runs per sample, equal on both sides, for which an interval exists at this level.</param>
public sealed record RatioInterval(double Ratio, double? Lower, double? Upper, double ConfidenceLevel, double? Coverage, int MinimumRunsPerSample)
{
    /// <summary>Whether the samples were large enough for an interval.</summary>
    public bool HasInterval => Lower is not null && Upper is not null;
}
