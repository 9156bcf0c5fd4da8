namespace UnpackBench.Core.Prediction;

/// <summary>
/// Whether the node's costs held still while it was calibrated: one calibration image measured at its
/// place in the set, again halfway through and again at the end. A node whose disk or CPU got busier
/// part-way gives a model that is wrong for every later prediction, and nothing else in the document shows it.
/// </summary>
public sealed record CalibrationStability
{
    /// <summary>The calibration image measured again (its case name).</summary>
    public required string Case { get; init; }

    /// <summary>Its time (its layers' medians summed) at its place, halfway through and at the end, in seconds.</summary>
    public required IReadOnlyList<double> Seconds { get; init; }

    /// <summary>The slowest of <see cref="Seconds"/> over the fastest.</summary>
    public required double Ratio { get; init; }

    /// <summary>The largest <see cref="Ratio"/> taken as stable.</summary>
    public required double MaxRatio { get; init; }

    /// <summary>Whether <see cref="Ratio"/> was at most <see cref="MaxRatio"/>.</summary>
    public required bool Stable { get; init; }
}
