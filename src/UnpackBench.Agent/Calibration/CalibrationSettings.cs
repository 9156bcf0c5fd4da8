using UnpackBench.Agent.Benchmark;

namespace UnpackBench.Agent.Calibration;

/// <summary>A validated calibration request.</summary>
internal sealed record CalibrationSettings
{
    /// <summary>The images to measure.</summary>
    public required CalibrationSet Set { get; init; }

    /// <summary>
    /// What every calibration image's benchmark shares — runs, warm-up, snapshotter, containerd, platform —
    /// exactly as <c>run</c> would take them; the image and output directory are set per image.
    /// </summary>
    public required BenchmarkSettings Benchmark { get; init; }

    /// <summary>Where generated images are kept between calibrations.</summary>
    public required string ImageDirectory { get; init; }

    /// <summary>Where the calibration document is written (absolute).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Also print the calibration document on stdout.</summary>
    public bool PrintJson { get; init; }
}
