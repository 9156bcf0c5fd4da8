namespace UnpackBench.Core.Prediction;

/// <summary>
/// A fitted model of a layer's unpack time: the sum of each feature times its coefficient, with what
/// is needed to put an interval around a prediction (the coefficients' covariance, the residual
/// standard error and its degrees of freedom). Relative: residuals are measured as a fraction of the
/// measured time, so the error it expects grows with the predicted time.
/// </summary>
public sealed record UnpackModel
{
    /// <summary>How the model was fitted, e.g. <c>non-negative least squares, relative residuals</c>.</summary>
    public required string Method { get; init; }

    /// <summary>The terms, in the order of <see cref="Covariance"/>'s rows and columns.</summary>
    public required IReadOnlyList<ModelFeature> Features { get; init; }

    /// <summary>The layer compressions (<c>gzip</c>, <c>zstd</c>, <c>none</c>) the training layers covered; others cannot be predicted.</summary>
    public required IReadOnlyList<string> Compressions { get; init; }

    /// <summary>The coefficients' covariance matrix, seconds² per unit², row by row.</summary>
    public required IReadOnlyList<IReadOnlyList<double>> Covariance { get; init; }

    /// <summary>The residual standard error as a fraction of the time (0.05 = 5 %).</summary>
    public required double ResidualStandardError { get; init; }

    /// <summary>Training layers minus coefficients that are not held at zero.</summary>
    public required int DegreesOfFreedom { get; init; }
}
