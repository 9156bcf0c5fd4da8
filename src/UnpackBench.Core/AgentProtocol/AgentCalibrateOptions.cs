using UnpackBench.Core.Prediction;

namespace UnpackBench.Core.AgentProtocol;

/// <summary>The options of <c>unpackbench-agent calibrate</c>, in help order.</summary>
public static class AgentCalibrateOptions
{
    /// <summary>--set.</summary>
    public static AgentRequestOption<AgentCalibrateRequest, string?> Set { get; } = new(
        "--set", string.Join('|', CalibrationSets.All), $"Which synthetic images to measure: {CalibrationSets.Standard} (default; a few minutes) or {CalibrationSets.Quick} (tiny, for smoke tests)", r => r.Set, (r, v) => r with { Set = v });

    /// <summary>--runs.</summary>
    public static AgentRequestOption<AgentCalibrateRequest, int?> Runs { get; } = Shared(AgentRunOptions.Runs, $"Timed runs of each calibration image (default {CalibrationSets.DefaultRuns})");

    /// <summary>--warmup.</summary>
    public static AgentRequestOption<AgentCalibrateRequest, int?> Warmup { get; } = Shared(AgentRunOptions.Warmup, $"Untimed runs of each calibration image before the timed ones (default {CalibrationSets.DefaultWarmupRuns})");

    /// <summary>--snapshotter (one: a calibration is one snapshotter's model).</summary>
    public static AgentRequestOption<AgentCalibrateRequest, IReadOnlyList<string>> Snapshotter { get; } = Shared(AgentRunOptions.Snapshotter, $"containerd snapshotter the model is for (default {Benchmarks.BenchmarkLimits.DefaultSnapshotter}); one per calibration");

    /// <summary>--cache.</summary>
    public static AgentRequestOption<AgentCalibrateRequest, string?> Cache { get; } = Shared(
        AgentRunOptions.Cache, $"Page cache before each run (default {CalibrationSets.DefaultCacheMode}): predictions hold for runs with the same mode. drop syncs and drops the node's page cache, so consecutive unpacks do not slow each other down; warm leaves it; cold drops the blobs' pages");

    /// <summary>--root.</summary>
    public static AgentRequestOption<AgentCalibrateRequest, string?> Root { get; } = Shared(AgentRunOptions.Root, "Directory of the private containerd's state, its content cache and the generated calibration layers (default ./.unpackbench/containerd)");

    /// <summary>--containerd-address.</summary>
    public static AgentRequestOption<AgentCalibrateRequest, string?> ContainerdAddress { get; } = Shared(AgentRunOptions.ContainerdAddress);

    /// <summary>--output.</summary>
    public static AgentRequestOption<AgentCalibrateRequest, string?> Output { get; } = Shared(AgentRunOptions.Output, "Directory for the calibration document and, beside it, each calibration image's result document (default ./results)");

    /// <summary>--json.</summary>
    public static AgentRequestOption<AgentCalibrateRequest, bool> Json { get; } = Shared(AgentRunOptions.Json, "Also print the calibration document on stdout");

    /// <summary>--log-format.</summary>
    public static AgentRequestOption<AgentCalibrateRequest, string?> LogFormat { get; } = Shared(
        AgentRunOptions.LogFormat, "Progress as text (default) or json: one event per line on stdout, ending with the calibration document (what the operator reads)");

    /// <summary>--termination-message-path.</summary>
    public static AgentRequestOption<AgentCalibrateRequest, string?> TerminationMessagePath { get; } = Shared(AgentRunOptions.TerminationMessagePath);

    /// <summary>Every option, in help order.</summary>
    public static IReadOnlyList<AgentRequestOption<AgentCalibrateRequest>> All { get; } = [Set, Runs, Warmup, Snapshotter, Cache, Root, ContainerdAddress, Output, Json, LogFormat, TerminationMessagePath];

    private static AgentRequestOption<AgentCalibrateRequest, T> Shared<T>(AgentOption<T> option, string? description = null) =>
        option.Within<AgentCalibrateRequest>(r => r.Run, (r, run) => r with { Run = run }, description);
}
