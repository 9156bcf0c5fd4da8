namespace UnpackBench.Agent.Calibration;

/// <summary>A calibration could not produce a model (an image whose runs all failed, too few layers to fit); nothing was written.</summary>
internal sealed class CalibrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CalibrationException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
