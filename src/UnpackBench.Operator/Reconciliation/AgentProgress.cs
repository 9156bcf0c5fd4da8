using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// What an agent pod has reported through its log so far: the image, each timed run, and finally the
/// result document (a calibration, or an image's counted features, in those modes) or a failure. An immutable snapshot; <see cref="AgentLogAccumulator"/> builds it.
/// </summary>
public sealed record AgentProgress
{
    /// <summary>Nothing read yet.</summary>
    public static AgentProgress Empty { get; } = new();

    /// <summary>The image, once the agent acquired it.</summary>
    public ImageDescription? Image { get; init; }

    /// <summary>Timed runs reported, by run id.</summary>
    public IReadOnlyDictionary<int, RunResult> Runs { get; init; } = new SortedDictionary<int, RunResult>();

    /// <summary>The result document, once written (also after a partial benchmark).</summary>
    public BenchmarkResult? Result { get; init; }

    /// <summary>The node's calibration, once a calibrating agent wrote it.</summary>
    public CalibrationDocument? Calibration { get; init; }

    /// <summary>The image's counted features, once a counting agent wrote them.</summary>
    public ImageFeatures? Features { get; init; }

    /// <summary>Why the agent failed, from its failed event.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The agent's explanation of the failure.</summary>
    public string? FailureMessage { get; init; }

    /// <summary>Whether the whole log has been read (the container has exited and the stream ended).</summary>
    public bool LogComplete { get; init; }

    /// <summary>Why the log could not be read, if it could not.</summary>
    public string? LogError { get; init; }

    /// <summary>Whether the last read of the log began after the agent had exited (the read that would get it all).</summary>
    public bool LogReadAfterExit { get; init; }

    /// <summary>Whether the log is out of reach for good: even a read after the agent exited failed.</summary>
    public bool LogUnavailable => LogError is not null && LogReadAfterExit;
}
