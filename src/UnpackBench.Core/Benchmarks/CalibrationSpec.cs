namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// How <c>mode: Calibrate</c> calibrates each node. Every field is optional: what is not set is
/// <c>unpackbench-agent calibrate</c>'s own default (<see cref="Prediction.CalibrationSets"/>), which the operator
/// then does not pass, so the cluster and the command line calibrate alike.
/// </summary>
public sealed record CalibrationSpec
{
    /// <summary>The calibration set: <c>standard</c> (the default) or <c>quick</c> (tiny, for smoke tests).</summary>
    public string? Set { get; init; }

    /// <summary>Timed runs of each calibration image (<see cref="BenchmarkLimits.Runs"/>; default <see cref="Prediction.CalibrationSets.DefaultRuns"/>).</summary>
    public int? Runs { get; init; }

    /// <summary>Untimed runs of each image before them (<see cref="BenchmarkLimits.WarmupRuns"/>; default <see cref="Prediction.CalibrationSets.DefaultWarmupRuns"/>).</summary>
    public int? WarmupRuns { get; init; }

    /// <summary>The page-cache state each run starts from (default <c>drop</c>): predictions hold for unpacks under the same mode.</summary>
    public string? Cache { get; init; }
}
