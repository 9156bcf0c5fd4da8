namespace UnpackBench.Core.Prediction;

/// <summary>A calibration or prediction document cannot be used; the message says why and what to do.</summary>
public sealed class PredictionDocumentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PredictionDocumentException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
