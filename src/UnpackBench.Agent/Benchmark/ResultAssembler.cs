using UnpackBench.Agent.Containerd.Api;
using UnpackBench.Agent.Images;
using UnpackBench.Core.Images;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Benchmark;

/// <summary>Builds the result document from what the benchmark observed.</summary>
internal static class ResultAssembler
{
    /// <summary>
    /// The image part of the document. Uncompressed sizes come from containerd's differ (the applied
    /// descriptors of a successful run); without one they stay null rather than guessed.
    /// </summary>
    public static ImageDescription DescribeImage(AcquiredImage image, IReadOnlyList<OciDescriptor>? applied)
    {
        var layers = image.Layers.Select((layer, i) => new LayerDescription
        {
            Digest = layer.Digest.ToString(),
            DiffId = image.DiffIds[i].ToString(),
            ChainId = image.ChainIds[i].ToString(),
            MediaType = layer.MediaType,
            Compression = MediaTypes.CompressionOf(layer.MediaType),
            CompressedBytes = layer.Size,
            UncompressedBytes = applied is not null && i < applied.Count ? applied[i].Size : null,
        }).ToList();
        return new ImageDescription
        {
            Reference = image.Name,
            Digest = image.Root.Digest.ToString(),
            MediaType = image.Root.MediaType,
            ManifestDigest = image.Manifest.Digest.ToString(),
            ConfigDigest = image.Config.Digest.ToString(),
            Platform = image.Platform.ToString(),
            Layers = layers,
            TotalCompressedBytes = layers.Sum(l => l.CompressedBytes),
            TotalUncompressedBytes = layers.All(l => l.UncompressedBytes is not null) ? layers.Sum(l => l.UncompressedBytes!.Value) : null,
            DownloadedBytes = image.DownloadedBytes,
        };
    }

    /// <summary>Assembles the whole document.</summary>
    public static BenchmarkResult Assemble(
        BenchmarkSettings settings, DateTimeOffset startedAt, AcquiredImage image, IReadOnlyList<RunResult> runs,
        IReadOnlyList<OciDescriptor>? applied, EnvironmentDescription environment, string statsSource, IReadOnlyList<string> notes)
    {
        var described = DescribeImage(image, applied);
        return new BenchmarkResult
        {
            BenchmarkConfig = new BenchmarkConfig
            {
                TargetImage = settings.Target,
                NumRuns = settings.Runs,
                Timestamp = startedAt,
                Snapshotter = settings.Snapshotter,
                Source = image.Source,
                WarmupRuns = settings.WarmupRuns,
                Platform = settings.Platform.ToString(),
                StatsSource = statsSource,
                SampleIntervalMs = (int)settings.SampleInterval.TotalMilliseconds,
            },
            Summary = SummaryCalculator.Summarize(runs, described.TotalUncompressedBytes),
            Runs = runs,
            Image = described,
            Environment = environment,
            Notes = notes,
        };
    }
}
