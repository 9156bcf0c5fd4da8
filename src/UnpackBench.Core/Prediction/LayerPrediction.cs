namespace UnpackBench.Core.Prediction;

/// <summary>One layer's prediction and the features it was made from.</summary>
public sealed record LayerPrediction
{
    /// <summary>The layer's position, 1-based, base first.</summary>
    public required int Layer { get; init; }

    /// <summary>The layer's counted features.</summary>
    public required LayerFeatures Features { get; init; }

    /// <summary>The predicted time of its prepare, apply and commit.</summary>
    public required PredictedDuration Predicted { get; init; }
}
