namespace UnpackBench.Core.Prediction;

/// <summary>One training layer: what it holds, how long it took to unpack, and what the fitted model says.</summary>
public sealed record CalibrationObservation
{
    /// <summary>The calibration case (a synthetic image) the layer belongs to.</summary>
    public required string Case { get; init; }

    /// <summary>The layer's position in its image, 1-based.</summary>
    public required int Layer { get; init; }

    /// <summary>The layer's counted features.</summary>
    public required LayerFeatures Features { get; init; }

    /// <summary>The layer's time in each successful timed run, seconds.</summary>
    public required IReadOnlyList<double> RunSeconds { get; init; }

    /// <summary>The median of <see cref="RunSeconds"/>: what the model is fitted to.</summary>
    public required double MeasuredSeconds { get; init; }

    /// <summary>What the fitted model predicts for the layer.</summary>
    public required double PredictedSeconds { get; init; }

    /// <summary>(predicted − measured) / measured.</summary>
    public required double RelativeError { get; init; }
}
