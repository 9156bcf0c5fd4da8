namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// One row of a prediction (<c>mode: Predict</c>): a node the selector matched, its predicted unpack time
/// with the prediction interval, the calibration it comes from (when, under which conditions), and why the
/// prediction may not hold. Decimal figures are strings, as the Kubernetes conventions advise.
/// </summary>
public sealed record NodePredictionStatus
{
    /// <summary>The node.</summary>
    public string NodeName { get; init; } = "";

    /// <summary><see cref="PredictionStates.Predicted"/>, <see cref="PredictionStates.NotCalibrated"/> or <see cref="PredictionStates.Failed"/>.</summary>
    public string State { get; init; } = PredictionStates.NotCalibrated;

    /// <summary>Why the node has no prediction (not calibrated, or the calibration cannot predict this image).</summary>
    public string? Message { get; init; }

    /// <summary>The predicted median unpack time, seconds.</summary>
    public string? PredictedSeconds { get; init; }

    /// <summary>The lower end of the prediction interval, seconds.</summary>
    public string? LowerSeconds { get; init; }

    /// <summary>The upper end of the prediction interval, seconds.</summary>
    public string? UpperSeconds { get; init; }

    /// <summary>The ConfigMap holding the calibration the prediction comes from.</summary>
    public string? Calibration { get; init; }

    /// <summary>When that calibration was made.</summary>
    public DateTimeOffset? CalibratedAt { get; init; }

    /// <summary>The calibration's snapshotter.</summary>
    public string? Snapshotter { get; init; }

    /// <summary>The calibration's page-cache mode (what the prediction is a median of).</summary>
    public string? CacheMode { get; init; }

    /// <summary>The containerd the calibration measured.</summary>
    public string? ContainerdVersion { get; init; }

    /// <summary>The kernel the calibration measured.</summary>
    public string? Kernel { get; init; }

    /// <summary>Why the prediction may not hold: a stale calibration, a node changed since, another snapshotter or platform, an extrapolation.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>The states of a prediction row.</summary>
public static class PredictionStates
{
    /// <summary>The node's calibration predicted the image.</summary>
    public const string Predicted = "Predicted";

    /// <summary>The node has no calibration in the benchmark's namespace.</summary>
    public const string NotCalibrated = "NotCalibrated";

    /// <summary>The node's calibration cannot predict this image (e.g. it has no coefficients for a layer's compression).</summary>
    public const string Failed = "Failed";
}
