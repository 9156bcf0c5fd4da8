namespace UnpackBench.Core.Prediction;

/// <summary>A prediction next to a measurement of the same image: how far off it was.</summary>
public sealed record PredictionCheck
{
    /// <summary>The measurement's file name.</summary>
    public required string Source { get; init; }

    /// <summary>The measured median unpack time, seconds.</summary>
    public required double MeasuredSeconds { get; init; }

    /// <summary>Successful runs behind the median.</summary>
    public required int Runs { get; init; }

    /// <summary>(predicted − measured) / measured.</summary>
    public required double RelativeError { get; init; }

    /// <summary>Whether the measured median lies inside the prediction interval.</summary>
    public required bool WithinInterval { get; init; }

    /// <summary>Each layer's measured median and error, base first.</summary>
    public required IReadOnlyList<LayerCheck> Layers { get; init; }
}

/// <summary>One layer's prediction next to its measured median.</summary>
/// <param name="Layer">The layer's position, 1-based.</param>
/// <param name="MeasuredSeconds">The median of the layer's time over the successful runs.</param>
/// <param name="RelativeError">(predicted − measured) / measured.</param>
public sealed record LayerCheck(int Layer, double MeasuredSeconds, double RelativeError);
