using UnpackBench.Agent.Images;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Reporting;

/// <summary>
/// What the benchmark tells the person (or program) watching it. Implementations render a live
/// display, plain lines, or machine-readable events; none may block the benchmark for long.
/// </summary>
internal interface IBenchmarkReporter
{
    /// <summary>A stage begins ("starting containerd", "pulling …").</summary>
    void Stage(string message);

    /// <summary>Bytes of a blob were acquired.</summary>
    void Acquisition(AcquisitionProgress progress);

    /// <summary>The image is in the content store and described.</summary>
    void Acquired(ImageDescription image);

    /// <summary>
    /// A variant (snapshotter × encoding) begins; <paramref name="index"/> counts from 0. Its runs are
    /// numbered from 1 again.
    /// </summary>
    void VariantStarting(string snapshotter, string encoding, int index, int count)
    {
    }

    /// <summary>A run is about to clear and unpack.</summary>
    void RunStarting(int runId, int total, bool warmup);

    /// <summary>A run finished (successfully or not).</summary>
    void RunFinished(RunResult run, int total, bool warmup);

    /// <summary>Something the user should know that does not stop the benchmark.</summary>
    void Warning(string message);

    /// <summary>The benchmark is over; <paramref name="resultPath"/> is where the document was written.</summary>
    void Finished(BenchmarkResult result, string resultPath);
}
