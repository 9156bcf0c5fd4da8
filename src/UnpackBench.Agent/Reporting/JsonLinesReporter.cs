using UnpackBench.Agent.Images;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Reporting;

/// <summary>
/// Machine-readable progress (<c>--log-format json</c>): one <see cref="AgentEvent"/> per line on
/// stdout, which is how an agent pod reports to the operator through its log without API credentials.
/// </summary>
internal sealed class JsonLinesReporter(TextWriter output, TimeProvider time) : IBenchmarkReporter
{
    private readonly Lock _lock = new();
    private string? _laterVariant;

    /// <inheritdoc />
    public void Stage(string message) => Write(new AgentEvent { Event = "stage", Time = time.GetUtcNow(), Message = message });

    /// <inheritdoc />
    public void Acquisition(AcquisitionProgress progress)
    {
        // Byte counts would flood the log the operator reads; acquisition ends in an "acquired" event.
    }

    /// <inheritdoc />
    public void Acquired(ImageDescription image) =>
        Write(new AgentEvent { Event = AgentEventKinds.Acquired, Time = time.GetUtcNow(), Image = image, Message = $"acquired {image.Reference} ({image.Layers.Count} layers)" });

    /// <inheritdoc />
    public void VariantStarting(string snapshotter, string encoding, int index, int count)
    {
        if (count > 1)
        {
            // Run events are the first variant's, whose runs are the document's top-level runs; the
            // operator keys runs by id, which restarts in every variant. Later variants report as stages.
            _laterVariant = index == 0 ? null : $"{snapshotter}/{encoding}";
            Stage($"variant {index + 1}/{count}: {snapshotter}, {encoding}");
        }
    }

    /// <inheritdoc />
    public void RunStarting(int runId, int total, bool warmup)
    {
    }

    /// <inheritdoc />
    public void RunFinished(RunResult run, int total, bool warmup)
    {
        if (!warmup && _laterVariant is { } variant)
        {
            Stage(run.Status == RunResult.Success ? $"{variant} run {run.RunId}/{total}: {run.DurationSeconds:0.000} s" : $"{variant} run {run.RunId}/{total} failed: {run.Error}");
        }
        else if (!warmup)
        {
            var message = run.Status == RunResult.Success ? $"run {run.RunId}/{total}: {run.DurationSeconds:0.000} s" : $"run {run.RunId}/{total} failed: {run.Error}";
            Write(new AgentEvent { Event = AgentEventKinds.Run, Time = time.GetUtcNow(), Run = run, CompletedRuns = run.RunId, TotalRuns = total, Message = message });
        }
    }

    /// <inheritdoc />
    public void Warning(string message) => Write(new AgentEvent { Event = "warning", Time = time.GetUtcNow(), Message = message });

    /// <inheritdoc />
    public void Finished(BenchmarkResult result, string resultPath) =>
        Write(new AgentEvent { Event = AgentEventKinds.Result, Time = time.GetUtcNow(), Result = result, Message = $"result written to {resultPath}" });

    /// <summary>Reports the node's calibration, the last line of a calibration that succeeded.</summary>
    public void Calibrated(CalibrationDocument calibration, string path) =>
        Write(new AgentEvent { Event = AgentEventKinds.Calibration, Time = time.GetUtcNow(), Calibration = calibration, Message = $"calibration written to {path}" });

    /// <summary>Reports an image's counted features, the last line of <c>predict --features-only</c>.</summary>
    public void Counted(ImageFeatures features) =>
        Write(new AgentEvent { Event = AgentEventKinds.Features, Time = time.GetUtcNow(), Features = features, Message = $"counted the {features.Layers.Count} layers of {features.Reference}" });

    /// <summary>Reports that the benchmark could not run.</summary>
    public void Failed(string reason, string message) =>
        Write(new AgentEvent { Event = AgentEventKinds.Failed, Time = time.GetUtcNow(), Reason = reason, Message = message });

    private void Write(AgentEvent agentEvent)
    {
        lock (_lock)
        {
            output.WriteLine(AgentEventJson.Serialize(agentEvent));
            output.Flush();
        }
    }
}
