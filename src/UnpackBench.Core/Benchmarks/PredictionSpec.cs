namespace UnpackBench.Core.Benchmarks;

/// <summary>How <c>mode: Predict</c> judges the calibrations it predicts from.</summary>
public sealed record PredictionSpec
{
    /// <summary>
    /// A calibration older than this many days still predicts, with a warning in its row: the node may have
    /// changed since (<see cref="BenchmarkLimits.MaxCalibrationAgeDays"/>).
    /// </summary>
    public int MaxCalibrationAgeDays { get; init; } = BenchmarkLimits.MaxCalibrationAgeDays.Default;
}
