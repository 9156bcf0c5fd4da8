using UnpackBench.Agent.Images;
using UnpackBench.Agent.Reporting;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Tests.Support;

/// <summary>A reporter that remembers what it was told and can act when a run finishes (to inject faults at a known point).</summary>
internal sealed class RecordingReporter : IBenchmarkReporter
{
    public List<string> Lines { get; } = [];

    public Action<RunResult>? AfterRun { get; init; }

    /// <summary>Called as each timed run is about to clear and unpack.</summary>
    public Action? BeforeRun { get; set; }

    public void Stage(string message) => Lines.Add(message);

    public void Warning(string message) => Lines.Add($"warning {message}");

    public void Acquisition(AcquisitionProgress progress)
    {
    }

    public void RunStarting(int runId, int total, bool warmup)
    {
        Lines.Add($"starting {runId}/{total}");
        if (!warmup)
        {
            BeforeRun?.Invoke();
        }
    }

    public void RunFinished(RunResult run, int total, bool warmup)
    {
        Lines.Add($"finished {run.RunId}/{total} {run.Status} {run.Error}");
        if (!warmup)
        {
            AfterRun?.Invoke(run);
        }
    }

    public void Finished(BenchmarkResult result, string resultPath) => Lines.Add($"done {resultPath}");

    public void Acquired(ImageDescription image) => Lines.Add($"acquired {image.Reference}");
}
