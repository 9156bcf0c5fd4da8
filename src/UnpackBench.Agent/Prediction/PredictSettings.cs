using UnpackBench.Agent.Benchmark;

namespace UnpackBench.Agent.Prediction;

/// <summary>A validated prediction request.</summary>
internal sealed record PredictSettings
{
    /// <summary>The image and how to reach it, as <c>run</c> would take them.</summary>
    public required BenchmarkSettings Image { get; init; }

    /// <summary>The calibration document (absolute); null when only the features are counted.</summary>
    public string? CalibrationPath { get; init; }

    /// <summary>Only count the image's features (no calibration, no prediction).</summary>
    public bool FeaturesOnly { get; init; }

    /// <summary>The snapshotter the unpack will use, when given (otherwise the calibration's is assumed).</summary>
    public string? Snapshotter { get; init; }

    /// <summary>A result document to check the prediction against (absolute), or null.</summary>
    public string? MeasuredPath { get; init; }

    /// <summary>Print the prediction document instead of tables.</summary>
    public bool Json { get; init; }
}
