namespace UnpackBench.Core.Prediction;

/// <summary>How far predictions were from measurements, as fractions of the measured time (0.1 = 10 %).</summary>
public sealed record ErrorSummary
{
    /// <summary>How many predictions were compared.</summary>
    public required int Count { get; init; }

    /// <summary>The median of |predicted − measured| / measured.</summary>
    public required double MedianAbsoluteRelativeError { get; init; }

    /// <summary>The largest |predicted − measured| / measured.</summary>
    public required double MaxAbsoluteRelativeError { get; init; }

    /// <summary>The root mean square of (predicted − measured) / measured.</summary>
    public required double RmsRelativeError { get; init; }
}
