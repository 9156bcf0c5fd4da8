using UnpackBench.Agent.Images;
using UnpackBench.Agent.Reporting;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Tests.Support;

/// <summary>A reporter that remembers what it was told and can act when a run finishes (to inject faults at a known point).</summary>
internal sealed class RecordingReporter : IBenchmarkReporter
{
    public List<string> Lines { get; } = [];

    public Action<RunResult>? AfterRun { get; init; }

    public void Stage(string message) => Lines.Add(message);

    public void Acquisition(AcquisitionProgress progress)
    {
    }

    public void RunStarting(int runId, int total, bool warmup) => Lines.Add($"starting {runId}/{total}");

    public void RunFinished(RunResult run, int total, bool warmup)
    {
        Lines.Add($"finished {run.RunId}/{total} {run.Status} {run.Error}");
        if (!warmup)
        {
            AfterRun?.Invoke(run);
        }
    }

    public void Warning(string message) => Lines.Add($"warning {message}");

    public void Finished(BenchmarkResult result, string resultPath) => Lines.Add($"done {resultPath}");

    public void Acquired(ImageDescription image) => Lines.Add($"acquired {image.Reference}");
}
