using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation.Prediction;

/// <summary>
/// What the agent is asked to do in modes Calibrate and Predict: the typed requests its <c>calibrate</c> and
/// <c>predict</c> command lines are parsed into, with the same pod layout, log format and termination message
/// as <c>run</c>'s (<see cref="AgentPodBuilder.Request"/>). A calibration option the spec leaves out is not
/// passed, so the agent's own default applies, as on the command line.
/// </summary>
public static class ModeAgentRequests
{
    /// <summary>The request of a calibrating agent: <c>calibrate</c> with the spec's calibration section and snapshotter.</summary>
    public static AgentCalibrateRequest Calibrate(UnpackBenchmarkSpec spec)
    {
        var run = AgentPodBuilder.Request(spec);
        var calibration = spec.Calibration ?? new CalibrationSpec();
        return new AgentCalibrateRequest
        {
            Set = calibration.Set,
            Run = new AgentRunRequest
            {
                Runs = calibration.Runs,
                Warmup = calibration.WarmupRuns,
                Snapshotters = run.Snapshotters,
                Cache = calibration.Cache,
                Root = run.Root,
                Output = run.Output,
                LogFormat = run.LogFormat,
                TerminationMessagePath = run.TerminationMessagePath,
            },
        };
    }

    /// <summary>The request of a prediction's agent: <c>predict --features-only</c> of the spec's image, reached as <c>run</c> would reach it.</summary>
    public static AgentPredictRequest CountFeatures(UnpackBenchmarkSpec spec)
    {
        var run = AgentPodBuilder.Request(spec);
        return new AgentPredictRequest
        {
            FeaturesOnly = true,
            Image = new AgentRunRequest
            {
                Image = run.Image,
                Platform = run.Platform,
                PlainHttp = run.PlainHttp,
                RegistryConfigs = run.RegistryConfigs,
                LogFormat = run.LogFormat,
                TerminationMessagePath = run.TerminationMessagePath,
            },
        };
    }

    /// <summary>The agent's arguments for <paramref name="spec"/>'s mode.</summary>
    public static IReadOnlyList<string> Arguments(UnpackBenchmarkSpec spec) => spec.Mode switch
    {
        BenchmarkMode.Calibrate => AgentCommandLine.CalibrateArguments(Calibrate(spec)),
        BenchmarkMode.Predict => AgentCommandLine.PredictArguments(CountFeatures(spec)),
        _ => AgentCommandLine.Arguments(AgentPodBuilder.Request(spec)),
    };
}
