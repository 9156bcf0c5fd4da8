namespace UnpackBench.Core.AgentProtocol;

/// <summary>
/// What <c>unpackbench-agent calibrate</c> is asked to do. The options it shares with <c>run</c> (runs,
/// warm-up, snapshotter, containerd, output) keep their meaning and live in <see cref="Run"/>;
/// <see cref="AgentCalibrateOptions"/> ties each to its option.
/// </summary>
public sealed record AgentCalibrateRequest
{
    /// <summary>The options shared with <c>run</c>, which calibrate passes to every benchmark of its set.</summary>
    public AgentRunRequest Run { get; init; } = new();

    /// <summary>The calibration set (<see cref="Prediction.CalibrationSets"/>).</summary>
    public string? Set { get; init; }
}
