namespace UnpackBench.Core.AgentProtocol;

/// <summary>The agent's command line as a whole: its executable, its commands, and a request's arguments.</summary>
public static class AgentCommandLine
{
    /// <summary>The executable on the image's PATH.</summary>
    public const string Executable = "unpackbench-agent";

    /// <summary>The command that benchmarks an image.</summary>
    public const string RunCommand = "run";

    /// <summary>The command that fits a node's unpack-time model from synthetic images.</summary>
    public const string CalibrateCommand = "calibrate";

    /// <summary>The command that predicts an image's unpack time from a calibration.</summary>
    public const string PredictCommand = "predict";

    /// <summary>The <see cref="AgentRunRequest.LogFormat"/> the operator reads: one <see cref="AgentEvent"/> per line.</summary>
    public const string JsonLogFormat = "json";

    /// <summary>The arguments of <c>run</c> for <paramref name="request"/>, command first.</summary>
    public static IReadOnlyList<string> Arguments(AgentRunRequest request) =>
        [RunCommand, .. AgentRunOptions.All.SelectMany(o => o.Format(request))];

    /// <summary>The arguments of <c>calibrate</c> for <paramref name="request"/>, command first.</summary>
    public static IReadOnlyList<string> CalibrateArguments(AgentCalibrateRequest request) =>
        [CalibrateCommand, .. AgentCalibrateOptions.All.SelectMany(o => o.Format(request))];

    /// <summary>The arguments of <c>predict</c> for <paramref name="request"/>, command first.</summary>
    public static IReadOnlyList<string> PredictArguments(AgentPredictRequest request) =>
        [PredictCommand, .. AgentPredictOptions.All.SelectMany(o => o.Format(request))];
}
