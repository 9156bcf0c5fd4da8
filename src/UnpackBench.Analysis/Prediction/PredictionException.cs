namespace UnpackBench.Analysis.Prediction;

/// <summary>
/// A prediction cannot be made or checked: a layer the calibration has no coefficients for, a
/// measurement of another image. The message names what is wrong and what to do.
/// </summary>
public sealed class PredictionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PredictionException(string message)
        : base(message)
    {
    }
}
