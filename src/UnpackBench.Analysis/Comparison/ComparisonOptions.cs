using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Analysis.Comparison;

/// <summary>How strict a comparison is.</summary>
public sealed record ComparisonOptions
{
    /// <summary>The threshold used when none is given, percent.</summary>
    public const double DefaultThresholdPercent = ComparisonThreshold.DefaultPercent;

    /// <summary>The smallest threshold accepted, percent (exclusive).</summary>
    public const double MinimumThresholdPercent = ComparisonThreshold.ExclusiveMinimumPercent;

    /// <summary>The largest threshold accepted, percent (exclusive: at 100 % "faster" could never be proven).</summary>
    public const double MaximumThresholdPercent = ComparisonThreshold.ExclusiveMaximumPercent;

    /// <summary>The two-sided confidence level of the ratio's interval.</summary>
    public const double ConfidenceLevel = 0.95;

    /// <summary>How far the ratio of medians may move from 1, percent, before it counts as a change.</summary>
    public double ThresholdPercent { get; init; } = DefaultThresholdPercent;

    /// <summary>Compare even when the documents differ in a field that makes them incomparable (node, snapshotter, …).</summary>
    public bool Force { get; init; }

    /// <summary>The threshold as a fraction (5 % → 0.05).</summary>
    public double Threshold => ThresholdPercent / 100;

    /// <summary>Why <paramref name="percent"/> is not a usable threshold, or null when it is.</summary>
    public static string? ThresholdProblem(double percent) => ComparisonThreshold.Problem(percent);
}
