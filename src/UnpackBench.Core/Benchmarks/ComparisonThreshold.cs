using System.Globalization;

namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// The threshold a comparison with a baseline judges by: how far, in percent, the ratio of medians may
/// move from 1 before it counts as a change. Defined once for the agent's <c>--threshold</c>, the spec's
/// <c>baseline.thresholdPercent</c> and the CRD's schema (a test holds the schema to these numbers).
/// </summary>
public static class ComparisonThreshold
{
    /// <summary>The threshold when none is given, percent.</summary>
    public const double DefaultPercent = 5;

    /// <summary>The bound the threshold must lie above, percent (exclusive: a zero threshold makes every change count).</summary>
    public const double ExclusiveMinimumPercent = 0;

    /// <summary>The bound the threshold must lie below, percent (exclusive: at 100 % "faster" could never be proven).</summary>
    public const double ExclusiveMaximumPercent = 100;

    /// <summary>Why <paramref name="percent"/> is not a usable threshold, or null when it is.</summary>
    public static string? Problem(double percent) =>
        double.IsFinite(percent) && percent > ExclusiveMinimumPercent && percent < ExclusiveMaximumPercent
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"the threshold must be a percentage above {ExclusiveMinimumPercent} and below {ExclusiveMaximumPercent}, e.g. 5; got {percent}");
}
