using UnpackBench.Agent.Prediction;
using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.Images;
using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Tests.Prediction;

/// <summary>
/// A valid calibration document fitted to made-up layer times, with this machine's conditions unless
/// told otherwise: for testing predict without spending minutes on a real calibration.
/// </summary>
internal static class SyntheticCalibration
{
    /// <summary>A calibration covering <paramref name="compressions"/>, written to <paramref name="path"/>.</summary>
    public static async Task<CalibrationDocument> WriteAsync(string path, IReadOnlyList<string> compressions, Func<UnpackConditions, UnpackConditions>? change = null)
    {
        var conditions = await LocalConditions.ProbeAsync("overlayfs", "warm", Environment.GetEnvironmentVariable("PATH"), CancellationToken.None);
        conditions = change?.Invoke(conditions) ?? conditions;
        var measured = Layers(compressions).ToList();
        var (model, error, observations) = CalibrationFit.Fit(measured);
        var calibration = new CalibrationDocument
        {
            CreatedAt = DateTimeOffset.UtcNow,
            Set = "synthetic",
            Runs = 1,
            WarmupRuns = 0,
            Conditions = conditions,
            Node = new EnvironmentDescription
            {
                Hostname = "calibrated-node",
                Kernel = conditions.Kernel,
                CpuModel = "test",
                CpuCount = 2,
                MemoryMb = 1024,
                RootFilesystem = "ext4",
                ContainerdVersion = conditions.ContainerdVersion,
                ContainerdRevision = "",
                ContainerdMode = "private",
                Snapshotter = conditions.Snapshotter,
                Decompressor = conditions.Decompressor,
                AgentVersion = "test",
            },
            Model = model,
            TrainingError = error,
            Observations = observations,
        };
        await File.WriteAllTextAsync(path, PredictionJson.Serialize(calibration));
        return calibration;
    }

    // Times from plausible costs, with a little scatter so the model has a residual error.
    private static IEnumerable<MeasuredLayer> Layers(IReadOnlyList<string> compressions)
    {
        var index = 0;
        foreach (var compression in compressions)
        {
            foreach (var (bytes, ratio, files, directories, links) in new[] { (48_000_000L, 1.0, 4, 1, 0), (96_000_000L, 2.2, 4, 1, 0), (32_000_000L, 3.5, 4, 1, 0), (2_000_000L, 4.0, 4000, 40, 0), (1_000_000L, 4.0, 10, 3000, 0), (1_000_000L, 4.0, 10, 20, 3000), (8_000_000L, 2.0, 400, 40, 100), (64_000_000L, 50.0, 8, 2, 0) })
            {
                var compressed = compression == "none" ? bytes : (long)(bytes / ratio);
                var features = new LayerFeatures
                {
                    Digest = Digest.Sha256Of($"{compression}-{index}").ToString(),
                    MediaType = compression switch { "gzip" => MediaTypes.OciLayerGzip, "zstd" => MediaTypes.OciLayerZstd, _ => MediaTypes.OciLayer },
                    Compression = compression,
                    CompressedBytes = compressed,
                    UncompressedBytes = bytes,
                    FileBytes = bytes,
                    Files = files,
                    Directories = directories,
                    Symlinks = links,
                    Hardlinks = 0,
                    Whiteouts = 0,
                    OtherEntries = 0,
                    MaxDepth = 2,
                };
                var seconds = 0.01 + (files * 100e-6) + (directories * 80e-6) + (links * 40e-6) + (bytes * 3e-9) + (compression == "none" ? 0 : compressed * 5e-9);
                var scatter = 1 + (0.04 * ((index % 5) - 2) / 2.0);
                yield return new MeasuredLayer($"{compression}-{index++}", 1, features, [seconds * scatter]);
            }
        }
    }
}
