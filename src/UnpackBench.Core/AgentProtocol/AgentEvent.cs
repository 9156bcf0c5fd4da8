using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;

namespace UnpackBench.Core.AgentProtocol;

/// <summary>
/// One line of the agent's machine-readable log (<c>--log-format json</c>): how the agent reports to
/// the operator without holding API credentials. Each line is a self-contained JSON object; readers
/// skip lines that are not. Events: <c>started</c>, <c>acquired</c>, <c>run</c> (one per timed run),
/// <c>result</c> (the whole document, last), <c>failed</c> (instead of a result). <c>calibrate</c> ends with
/// <c>calibration</c> and <c>predict --features-only</c> with <c>features</c> instead of <c>result</c>: documents
/// of tens of kilobytes, which only the log can carry (never the termination message).
/// </summary>
public sealed record AgentEvent
{
    /// <summary>The event's kind.</summary>
    public required string Event { get; init; }

    /// <summary>When the agent wrote it.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>A human-readable line, for <c>kubectl logs</c>.</summary>
    public string? Message { get; init; }

    /// <summary>Timed runs completed so far (run events).</summary>
    public int? CompletedRuns { get; init; }

    /// <summary>Timed runs asked for.</summary>
    public int? TotalRuns { get; init; }

    /// <summary>The run that just finished (run events).</summary>
    public RunResult? Run { get; init; }

    /// <summary>The image once acquired (acquired events).</summary>
    public ImageDescription? Image { get; init; }

    /// <summary>The full result document (result events).</summary>
    public BenchmarkResult? Result { get; init; }

    /// <summary>The node's calibration (calibration events).</summary>
    public CalibrationDocument? Calibration { get; init; }

    /// <summary>The image's counted features (features events).</summary>
    public ImageFeatures? Features { get; init; }

    /// <summary>Why the agent failed (failed events); one of <see cref="AgentFailureReasons"/>.</summary>
    public string? Reason { get; init; }
}

/// <summary>The event kinds.</summary>
public static class AgentEventKinds
{
    /// <summary>The agent started.</summary>
    public const string Started = "started";

    /// <summary>The image is in the content store.</summary>
    public const string Acquired = "acquired";

    /// <summary>A timed run finished.</summary>
    public const string Run = "run";

    /// <summary>The result document, last line on success (and on partial failure).</summary>
    public const string Result = "result";

    /// <summary>The calibration document, last line of a calibration that succeeded.</summary>
    public const string Calibration = "calibration";

    /// <summary>The image's counted features, last line of <c>predict --features-only</c> that succeeded.</summary>
    public const string Features = "features";

    /// <summary>The agent could not benchmark; <see cref="AgentEvent.Reason"/> says why.</summary>
    public const string Failed = "failed";
}
