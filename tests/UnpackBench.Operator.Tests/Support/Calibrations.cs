using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Images;
using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;

namespace UnpackBench.Operator.Tests.Support;

/// <summary>
/// Calibrations and counted images as agents report them, made with the real fit (<see cref="CalibrationFit"/>)
/// from made-up layer times, so the operator's predictions run on valid documents without a real calibration.
/// </summary>
internal static class Calibrations
{
    /// <summary>A gzip-only calibration of <paramref name="node"/>, made at <paramref name="createdAt"/>, under the conditions given.</summary>
    public static CalibrationDocument Of(string node, DateTimeOffset createdAt, string snapshotter = "overlayfs", string kernel = "6.1.0-test")
    {
        var (model, error, observations) = CalibrationFit.Fit([.. Layers()]);
        return new CalibrationDocument
        {
            CreatedAt = createdAt,
            Set = "quick",
            Runs = 1,
            WarmupRuns = 0,
            Conditions = new UnpackConditions { Snapshotter = snapshotter, CacheMode = "drop", Decompressor = "unpigz", ContainerdVersion = "1.6.20", Kernel = kernel },
            Node = new EnvironmentDescription
            {
                Hostname = node,
                Kernel = kernel,
                CpuModel = "test",
                CpuCount = 2,
                MemoryMb = 1024,
                RootFilesystem = "ext4",
                ContainerdVersion = "1.6.20",
                ContainerdRevision = "",
                ContainerdMode = "private",
                Snapshotter = snapshotter,
                Decompressor = "unpigz",
                AgentVersion = "test",
            },
            Model = model,
            TrainingError = error,
            Observations = observations,
        };
    }

    /// <summary>An image of two layers in <paramref name="compression"/>, counted for linux/amd64.</summary>
    public static ImageFeatures Image(string compression = "gzip") => new()
    {
        Reference = Scenario.Image,
        Digest = AgentReports.Image.Digest,
        ManifestDigest = AgentReports.Image.ManifestDigest,
        Platform = "linux/amd64",
        Layers = [Layer($"image-1-{compression}", compression, 20_000_000, 300), Layer($"image-2-{compression}", compression, 5_000_000, 1200)],
    };

    /// <summary>The calibrating agent's last log line.</summary>
    public static string CalibrationLine(CalibrationDocument calibration) =>
        AgentEventJson.Serialize(new AgentEvent { Event = AgentEventKinds.Calibration, Time = AgentReports.Started.AddMinutes(1), Calibration = calibration, Message = "calibration written" });

    /// <summary>The counting agent's last log line.</summary>
    public static string FeaturesLine(ImageFeatures features) =>
        AgentEventJson.Serialize(new AgentEvent { Event = AgentEventKinds.Features, Time = AgentReports.Started.AddMinutes(1), Features = features, Message = "counted" });

    // Times from plausible costs, with a little scatter so the model has a residual error.
    private static IEnumerable<MeasuredLayer> Layers()
    {
        var index = 0;
        foreach (var (bytes, files) in new[] { (48_000_000L, 4L), (96_000_000L, 4L), (2_000_000L, 4000L), (1_000_000L, 10L), (8_000_000L, 400L), (64_000_000L, 8L), (16_000_000L, 2000L), (4_000_000L, 800L) })
        {
            var features = Layer($"calibration-{index}", "gzip", bytes, files);
            var seconds = 0.01 + (files * 100e-6) + (bytes * 3e-9) + (features.CompressedBytes * 5e-9);
            var scatter = 1 + (0.04 * ((index % 5) - 2) / 2.0);
            yield return new MeasuredLayer($"case-{index++}", 1, features, [seconds * scatter]);
        }
    }

    private static LayerFeatures Layer(string seed, string compression, long bytes, long files) => new()
    {
        Digest = Digest.Sha256Of(seed).ToString(),
        MediaType = compression == "zstd" ? MediaTypes.OciLayerZstd : MediaTypes.OciLayerGzip,
        Compression = compression,
        CompressedBytes = bytes / 3,
        UncompressedBytes = bytes,
        FileBytes = bytes,
        Files = files,
        Directories = 1 + (files / 100),
        Symlinks = 0,
        Hardlinks = 0,
        Whiteouts = 0,
        OtherEntries = 0,
        MaxDepth = 2,
    };
}
