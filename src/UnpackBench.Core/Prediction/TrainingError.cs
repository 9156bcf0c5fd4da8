namespace UnpackBench.Core.Prediction;

/// <summary>The model's own error on the layers it was fitted to, and on calibration cases it did not see.</summary>
public sealed record TrainingError
{
    /// <summary>Each training layer's prediction against its measured median.</summary>
    public required ErrorSummary Layers { get; init; }

    /// <summary>Each calibration case's total (its layers summed) against its measured median.</summary>
    public required ErrorSummary Cases { get; init; }

    /// <summary>
    /// Leave one case out: each case predicted by a model fitted to all the others — the honest
    /// estimate of the error on an image the calibration never saw. Null with fewer than three cases.
    /// </summary>
    public required ErrorSummary? CrossValidation { get; init; }
}
