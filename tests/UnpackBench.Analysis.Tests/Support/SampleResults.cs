using UnpackBench.Core.Results;

namespace UnpackBench.Analysis.Tests.Support;

/// <summary>Builds result documents with chosen run durations and layers, for the pure comparison tests.</summary>
internal static class SampleResults
{
    /// <summary>A layer: its diff ID and, per run, the fraction of the run's time it takes.</summary>
    public sealed record Layer(string DiffId, double Share, long Bytes = 1_000_000);

    public static readonly Layer[] OneLayer = [new("sha256:" + new string('a', 64), 1.0)];

    public static BenchmarkResult With(double[] durations, Layer[]? layers = null, string host = "node-1", double? cpuSeconds = null)
    {
        layers ??= OneLayer;
        var descriptions = layers.Select((l, i) => new LayerDescription
        {
            Digest = Digest(l.DiffId, "blob"),
            DiffId = l.DiffId,
            ChainId = Digest(l.DiffId, "chain" + i),
            MediaType = "application/vnd.oci.image.layer.v1.tar+gzip",
            Compression = "gzip",
            CompressedBytes = l.Bytes / 2,
            UncompressedBytes = l.Bytes,
        }).ToList();
        var runs = durations.Select((d, i) => new RunResult
        {
            RunId = i + 1,
            Status = RunResult.Success,
            DurationSeconds = d,
            Layers = [.. descriptions.Select((layer, j) => new LayerTiming
            {
                Digest = layer.Digest,
                DurationSeconds = d * layers[j].Share,
                PrepareSeconds = 0.001,
                ApplySeconds = (d * layers[j].Share) - 0.002,
                CommitSeconds = 0.001,
            })],
            PeakMetrics = new PeakMetrics { MemoryPeakMb = 40 + i, CpuPeakPercent = 150 },
            Metrics = cpuSeconds is null ? null : new RunMetrics { Source = "cgroup-v2", CpuSeconds = cpuSeconds, SampleIntervalMs = 100, SampleCount = 10 },
        }).ToList();
        return new BenchmarkResult
        {
            BenchmarkConfig = new BenchmarkConfig
            {
                TargetImage = "registry.example/app:1",
                NumRuns = durations.Length,
                Timestamp = new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.Zero),
                Snapshotter = "overlayfs",
                Source = "pull",
                WarmupRuns = 0,
                Platform = "linux/amd64",
            },
            Summary = SummaryCalculator.Summarize(runs, layers.Sum(l => l.Bytes)),
            Runs = runs,
            Image = new ImageDescription
            {
                Reference = "registry.example/app:1",
                Digest = Digest("index", "x"),
                MediaType = "application/vnd.oci.image.manifest.v1+json",
                ManifestDigest = Digest(string.Join(",", layers.Select(l => l.DiffId)), "manifest"),
                ConfigDigest = Digest("config", "x"),
                Platform = "linux/amd64",
                Layers = descriptions,
                TotalCompressedBytes = descriptions.Sum(l => l.CompressedBytes),
                TotalUncompressedBytes = layers.Sum(l => l.Bytes),
            },
            Environment = new EnvironmentDescription
            {
                Hostname = host,
                Kernel = "6.1.0",
                CpuModel = "test cpu",
                CpuCount = 2,
                MemoryMb = 24000,
                RootFilesystem = "ext4",
                ContainerdVersion = "1.6.20",
                ContainerdRevision = "abc",
                ContainerdMode = "private",
                Snapshotter = "overlayfs",
                Decompressor = "unpigz",
                AgentVersion = "0.1.0",
            },
        };
    }

    public static string Digest(string seed, string salt) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed + "/" + salt)));

    public static string DiffId(char c) => "sha256:" + new string(c, 64);
}
