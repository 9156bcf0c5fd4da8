namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// The summary of a prediction (<c>mode: Predict</c>) beside its rows: the range of predicted times over the
/// nodes (the <c>Predicted</c> column), the interval's level, and where the image's counted features and
/// every node's full prediction are kept. Node counts, the fastest, slowest and spread are in the survey section.
/// </summary>
public sealed record PredictionStatus
{
    /// <summary>The predicted seconds over the predicted nodes: <c>1.52</c> for one, <c>1.21–1.84</c> for several.</summary>
    public string? Range { get; init; }

    /// <summary>The two-sided level of every row's interval, e.g. <c>0.95</c>.</summary>
    public string? ConfidenceLevel { get; init; }

    /// <summary>Rows predicted with at least one warning.</summary>
    public int Warned { get; init; }
}
