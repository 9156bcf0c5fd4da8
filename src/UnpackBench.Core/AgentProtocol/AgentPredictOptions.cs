namespace UnpackBench.Core.AgentProtocol;

/// <summary>The options of <c>unpackbench-agent predict</c>, in help order.</summary>
public static class AgentPredictOptions
{
    /// <summary>--calibration.</summary>
    public static AgentRequestOption<AgentPredictRequest, string?> Calibration { get; } = new(
        "--calibration", "FILE", "The calibration document of the node to predict for (written by calibrate)", r => r.Calibration, (r, v) => r with { Calibration = v });

    /// <summary>--image.</summary>
    public static AgentRequestOption<AgentPredictRequest, string?> Image { get; } = Shared(AgentRunOptions.Image, "Image reference whose layers are streamed and counted, e.g. docker.io/library/python:3.12 (or TARGET_IMAGE)");

    /// <summary>--archive.</summary>
    public static AgentRequestOption<AgentPredictRequest, string?> Archive { get; } = Shared(AgentRunOptions.Archive, "OCI or 'docker save' archive whose layers are counted instead");

    /// <summary>--platform.</summary>
    public static AgentRequestOption<AgentPredictRequest, string?> Platform { get; } = Shared(AgentRunOptions.Platform);

    /// <summary>--plain-http.</summary>
    public static AgentRequestOption<AgentPredictRequest, bool> PlainHttp { get; } = Shared(AgentRunOptions.PlainHttp);

    /// <summary>--registry-config, repeatable.</summary>
    public static AgentRequestOption<AgentPredictRequest, IReadOnlyList<string>> RegistryConfig { get; } = Shared(AgentRunOptions.RegistryConfig);

    /// <summary>--snapshotter.</summary>
    public static AgentRequestOption<AgentPredictRequest, IReadOnlyList<string>> Snapshotter { get; } = Shared(AgentRunOptions.Snapshotter, "The snapshotter the unpack will use; a calibration measured with another is reported (default: the calibration's)");

    /// <summary>--measured.</summary>
    public static AgentRequestOption<AgentPredictRequest, string?> Measured { get; } = new(
        "--measured", "FILE", "A result document of 'run' for the same image: also report how far the prediction is from its measured median", r => r.Measured, (r, v) => r with { Measured = v });

    /// <summary>--json.</summary>
    public static AgentRequestOption<AgentPredictRequest, bool> Json { get; } = new(
        "--json", "", "Print the prediction document (JSON) on stdout instead of tables", r => r.Json, (r, v) => r with { Json = v });

    /// <summary>--features-only.</summary>
    public static AgentRequestOption<AgentPredictRequest, bool> FeaturesOnly { get; } = new(
        "--features-only", "", "Only count the image's layer features and print them as an image-features document (JSON), without a calibration: one count predicts for every calibrated node", r => r.FeaturesOnly, (r, v) => r with { FeaturesOnly = v });

    /// <summary>--log-format.</summary>
    public static AgentRequestOption<AgentPredictRequest, string?> LogFormat { get; } = Shared(
        AgentRunOptions.LogFormat, "Progress as text (default) or json: one event per line on stdout, ending with the prediction's document (what the operator reads)");

    /// <summary>--termination-message-path.</summary>
    public static AgentRequestOption<AgentPredictRequest, string?> TerminationMessagePath { get; } = Shared(AgentRunOptions.TerminationMessagePath);

    /// <summary>Every option, in help order.</summary>
    public static IReadOnlyList<AgentRequestOption<AgentPredictRequest>> All { get; } =
        [Image, Archive, Calibration, FeaturesOnly, Platform, PlainHttp, RegistryConfig, Snapshotter, Measured, Json, LogFormat, TerminationMessagePath];

    private static AgentRequestOption<AgentPredictRequest, T> Shared<T>(AgentOption<T> option, string? description = null) =>
        option.Within<AgentPredictRequest>(r => r.Image, (r, image) => r with { Image = image }, description);
}
