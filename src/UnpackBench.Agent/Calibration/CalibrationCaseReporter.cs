using System.Globalization;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Reporting;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Calibration;

/// <summary>
/// What one calibration image's benchmark tells the person watching: warnings and one line per run,
/// indented under the image's line; the stages of an ordinary benchmark would drown the calibration's own.
/// </summary>
internal sealed class CalibrationCaseReporter(TextWriter output) : IBenchmarkReporter
{
    /// <inheritdoc />
    public void Stage(string message)
    {
    }

    /// <inheritdoc />
    public void Acquisition(AcquisitionProgress progress)
    {
    }

    /// <inheritdoc />
    public void Acquired(ImageDescription image)
    {
    }

    /// <inheritdoc />
    public void RunStarting(int runId, int total, bool warmup)
    {
    }

    /// <inheritdoc />
    public void RunFinished(RunResult run, int total, bool warmup) =>
        output.WriteLine(run.Status == RunResult.Success
            ? string.Create(CultureInfo.InvariantCulture, $"    {(warmup ? "warm-up" : "run")} {run.RunId}/{total}: {run.DurationSeconds:F3} s")
            : $"    {(warmup ? "warm-up" : "run")} {run.RunId}/{total} failed: {run.Error}");

    /// <inheritdoc />
    public void Warning(string message) => output.WriteLine($"    warning: {message}");

    /// <inheritdoc />
    public void Finished(BenchmarkResult result, string resultPath)
    {
    }
}
