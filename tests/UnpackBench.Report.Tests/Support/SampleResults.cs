using UnpackBench.Core.Results;

namespace UnpackBench.Report.Tests.Support;

/// <summary>Result documents shaped like the agent's, with layers, a sampled series and optionally a failed run.</summary>
internal static class SampleResults
{
    public static BenchmarkResult Benchmark(double[] durations, bool withSeries = true, bool withFailedRun = false, string image = "registry.example/app:1", int layers = 3)
    {
        var descriptions = Enumerable.Range(1, layers).Select(i => new LayerDescription
        {
            Digest = Digest($"{image}-blob-{i}"),
            DiffId = Digest($"diff-{i}"),
            ChainId = Digest($"chain-{i}"),
            MediaType = "application/vnd.oci.image.layer.v1.tar+gzip",
            Compression = "gzip",
            CompressedBytes = 10_000_000L * i,
            UncompressedBytes = 30_000_000L * i,
        }).ToList();
        var runs = durations.Select((d, i) => Run(i + 1, d, descriptions, withSeries)).ToList();
        if (withFailedRun)
        {
            runs.Add(new RunResult { RunId = runs.Count + 1, Status = RunResult.Failed, Error = "snapshot sha256:abc survived clearing" });
        }

        return new BenchmarkResult
        {
            BenchmarkConfig = new BenchmarkConfig
            {
                TargetImage = image,
                NumRuns = runs.Count,
                Timestamp = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
                Snapshotter = "overlayfs",
                Source = "pull",
                WarmupRuns = 0,
                Platform = "linux/amd64",
                StatsSource = withSeries ? "cgroup-v2" : "none",
                SampleIntervalMs = 100,
            },
            Summary = SummaryCalculator.Summarize(runs, descriptions.Sum(l => l.UncompressedBytes)),
            Runs = runs,
            Image = new ImageDescription
            {
                Reference = image,
                Digest = Digest(image),
                MediaType = "application/vnd.oci.image.manifest.v1+json",
                ManifestDigest = Digest(image + "manifest"),
                ConfigDigest = Digest(image + "config"),
                Platform = "linux/amd64",
                Layers = descriptions,
                TotalCompressedBytes = descriptions.Sum(l => l.CompressedBytes),
                TotalUncompressedBytes = descriptions.Sum(l => l.UncompressedBytes),
            },
            Environment = new EnvironmentDescription
            {
                Hostname = "worker-1",
                Kernel = "6.1.0-18-amd64",
                CpuModel = "Test CPU",
                CpuCount = 8,
                MemoryMb = 32000,
                RootFilesystem = "ext4",
                ContainerdVersion = "1.6.20",
                ContainerdRevision = "abc",
                ContainerdMode = "private",
                Snapshotter = "overlayfs",
                Decompressor = "unpigz",
                AgentVersion = "0.1.0",
            },
            Notes = withFailedRun ? ["run 4 failed: snapshot sha256:abc survived clearing"] : [],
        };
    }

    private static RunResult Run(int id, double duration, IReadOnlyList<LayerDescription> layers, bool withSeries)
    {
        var total = layers.Sum(l => (double)l.CompressedBytes);
        return new RunResult
        {
            RunId = id,
            Status = RunResult.Success,
            DurationSeconds = duration,
            ClearSeconds = 0.4,
            Layers = [.. layers.Select(l =>
            {
                var share = duration * l.CompressedBytes / total;
                return new LayerTiming { Digest = l.Digest, DurationSeconds = share, PrepareSeconds = 0.002, ApplySeconds = share - 0.01, CommitSeconds = 0.008 };
            })],
            PeakMetrics = withSeries ? new PeakMetrics { CpuPeakPercent = 170, MemoryPeakMb = 60, PidPeakCount = 15 } : new PeakMetrics(),
            Metrics = withSeries ? new RunMetrics
            {
                Source = "cgroup-v2",
                CpuSeconds = duration * 1.4,
                SampleIntervalMs = 100,
                SampleCount = 20,
                Series = [.. Enumerable.Range(1, 20).Select(t => new MetricsSample
                {
                    T = t * duration / 20, CpuPercent = 100 + (70 * Math.Sin(t / 3.0) * Math.Sin(t / 3.0)), MemoryMb = 40 + t, Pids = 12 + (t % 4),
                })],
            } : null,
        };
    }

    private static string Digest(string seed) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)));

    /// <summary><paramref name="result"/> with variants: two snapshotters × original and zstd, and a snapshotter that was not available.</summary>
    public static BenchmarkResult WithVariants(BenchmarkResult result)
    {
        VariantResult Variant(string snapshotter, string encoding, double factor, SpeedupEstimate? speedup)
        {
            var runs = result.Runs.Select(r => r with { DurationSeconds = r.DurationSeconds * factor }).ToList();
            return new VariantResult
            {
                Snapshotter = snapshotter,
                Encoding = encoding,
                Status = VariantResult.Success,
                Decompressor = encoding == "zstd" ? "zstd" : "unpigz",
                CompressedBytes = (long)(result.Image.TotalCompressedBytes * (encoding == "zstd" ? 0.8 : 1)),
                Summary = SummaryCalculator.Summarize(runs, result.Image.TotalUncompressedBytes),
                Runs = runs,
                Speedup = speedup,
            };
        }

        return result with
        {
            Variants =
            [
                Variant("overlayfs", "original", 1, null),
                Variant("overlayfs", "zstd", 0.6, new SpeedupEstimate { Ratio = 1.67, Lower = 1.55, Upper = 1.80, ConfidenceLevel = 0.95 }),
                Variant("native", "original", 1.8, null),
                new VariantResult
                {
                    Snapshotter = "btrfs", Encoding = "original", Status = VariantResult.Failed,
                    Error = "snapshotter 'btrfs' is not available; available: native, overlayfs", Summary = SummaryCalculator.Summarize([], null),
                },
            ],
        };
    }

    /// <summary><paramref name="result"/> with floors for each layer and the runs' efficiency, and drift found.</summary>
    public static BenchmarkResult WithFloorsAndDrift(BenchmarkResult result)
    {
        var floors = new FloorMeasurement
        {
            Layers = [.. result.Image.Layers.Select((l, i) => new LayerFloor { Digest = l.Digest, DecompressFloorSeconds = 0.1 * (i + 1), ExtractFloorSeconds = 0.3 * (i + 1), FloorTool = "unpigz" })],
            DecompressFloorSeconds = 0.6,
            ExtractFloorSeconds = 1.8,
        };
        return result with
        {
            Floors = floors,
            Summary = result.Summary with
            {
                Efficiency = 0.2,
                OverheadVsTar = 1.7,
                Drift = new DriftFinding { Detected = true, Rho = 0.9, PValue = 0.017, SlopeSecondsPerRun = 0.12, Suggestion = "Drop the page cache before each run (--cache drop)." },
            },
            Runs = [.. result.Runs.Select(r => r with { Efficiency = 0.2, CacheState = new CacheState { DirtyMb = 120, CachedMb = 4000 } })],
        };
    }
}
