namespace UnpackBench.Core.Prediction;

/// <summary>The calibration a prediction was made with, in short.</summary>
public sealed record CalibrationSummary
{
    /// <summary>The calibrated node.</summary>
    public required string Hostname { get; init; }

    /// <summary>When the calibration finished.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The calibration set.</summary>
    public required string Set { get; init; }

    /// <summary>The conditions the prediction holds for.</summary>
    public required UnpackConditions Conditions { get; init; }

    /// <summary>The calibration's leave-one-case-out error, the best guide to the error on a new image.</summary>
    public required ErrorSummary? CrossValidation { get; init; }
}
