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

    /// <summary>Every option, in help order.</summary>
    public static IReadOnlyList<AgentRequestOption<AgentPredictRequest>> All { get; } =
        [Image, Archive, Calibration, Platform, PlainHttp, RegistryConfig, Snapshotter, Measured, Json];

    private static AgentRequestOption<AgentPredictRequest, T> Shared<T>(AgentOption<T> option, string? description = null) =>
        option.Within<AgentPredictRequest>(r => r.Image, (r, image) => r with { Image = image }, description);
}
