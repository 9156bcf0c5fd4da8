namespace UnpackBench.Core.AgentProtocol;

/// <summary>
/// What <c>unpackbench-agent predict</c> is asked to do: which image (the options shared with
/// <c>run</c>, in <see cref="Image"/>), which calibration, and whether to check against a measurement.
/// </summary>
public sealed record AgentPredictRequest
{
    /// <summary>The image and how to reach it: --image or --archive, --platform, --plain-http, --registry-config, --snapshotter.</summary>
    public AgentRunRequest Image { get; init; } = new();

    /// <summary>The calibration document to predict with.</summary>
    public string? Calibration { get; init; }

    /// <summary>A result document of <c>run</c> for the same image, to report the prediction's error against.</summary>
    public string? Measured { get; init; }

    /// <summary>Only count the image's features and print them, without a calibration (what the operator's prediction pod does).</summary>
    public bool FeaturesOnly { get; init; }

    /// <summary>Print the prediction document instead of tables.</summary>
    public bool Json { get; init; }
}
