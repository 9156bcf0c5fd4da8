using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;

namespace UnpackBench.Core.Tests.Prediction;

/// <summary>A small, complete calibration document.</summary>
internal static class CalibrationSamples
{
    public static LayerFeatures Layer(int seed) => new()
    {
        Digest = $"sha256:{seed:x64}",
        MediaType = Core.Images.MediaTypes.OciLayerGzip,
        Compression = "gzip",
        CompressedBytes = 1000 * seed,
        UncompressedBytes = 3000 * seed,
        FileBytes = 2500 * seed,
        Files = 10 * seed,
        Directories = seed,
        Symlinks = 0,
        Hardlinks = 0,
        Whiteouts = 0,
        OtherEntries = 0,
        MaxDepth = 2,
    };

    public static CalibrationDocument Calibration(int observations = 3) => new()
    {
        CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Set = "quick",
        Runs = 3,
        WarmupRuns = 1,
        Conditions = new UnpackConditions { Snapshotter = "overlayfs", CacheMode = "warm", Decompressor = "unpigz", ContainerdVersion = "1.6.20", Kernel = "6.1.0" },
        Node = new EnvironmentDescription
        {
            Hostname = "node-1",
            Kernel = "6.1.0",
            CpuModel = "cpu",
            CpuCount = 2,
            MemoryMb = 1024,
            RootFilesystem = "ext4",
            ContainerdVersion = "1.6.20",
            ContainerdRevision = "r",
            ContainerdMode = "private",
            Snapshotter = "overlayfs",
            Decompressor = "unpigz",
            AgentVersion = "0.1.0",
        },
        Model = new UnpackModel
        {
            Method = "test",
            Features = [new ModelFeature { Name = "layers", Coefficient = 0.01, StandardError = 0.001, AtBound = false }, new ModelFeature { Name = "files", Coefficient = 1e-4, StandardError = 1e-5, AtBound = false }],
            Compressions = ["gzip"],
            Covariance = [[1e-6, 0], [0, 1e-10]],
            ResidualStandardError = 0.05,
            DegreesOfFreedom = 1,
        },
        TrainingError = new TrainingError
        {
            Layers = new ErrorSummary { Count = 3, MedianAbsoluteRelativeError = 0.02, MaxAbsoluteRelativeError = 0.05, RmsRelativeError = 0.03 },
            Cases = new ErrorSummary { Count = 3, MedianAbsoluteRelativeError = 0.02, MaxAbsoluteRelativeError = 0.05, RmsRelativeError = 0.03 },
            CrossValidation = null,
        },
        Observations = Enumerable.Range(1, observations).Select(i => new CalibrationObservation
        {
            Case = $"case-{i}",
            Layer = 1,
            Features = Layer(i),
            RunSeconds = [0.1 * i, 0.11 * i, 0.12 * i],
            MeasuredSeconds = 0.11 * i,
            PredictedSeconds = 0.1 * i,
            RelativeError = -0.09,
        }).ToList(),
    };
}
