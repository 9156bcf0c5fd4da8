namespace UnpackBench.Core.Prediction;

/// <summary>A predicted unpack time with its prediction interval, seconds.</summary>
/// <param name="Seconds">The prediction.</param>
/// <param name="LowerSeconds">The interval's lower end (never below zero).</param>
/// <param name="UpperSeconds">The interval's upper end.</param>
public sealed record PredictedDuration(double Seconds, double LowerSeconds, double UpperSeconds);
