using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Tests.Reporting;

/// <summary>Result documents for the reporting tests, with and without the physics figures.</summary>
internal static class Documents
{
    private const string Digest = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    public static BenchmarkResult Plain() => new()
    {
        BenchmarkConfig = new BenchmarkConfig
        {
            TargetImage = "sample.tar",
            NumRuns = 2,
            Timestamp = DateTimeOffset.UnixEpoch,
            Snapshotter = "overlayfs",
            Source = "archive",
            WarmupRuns = 0,
            Platform = "linux/amd64",
        },
        Summary = SummaryCalculator.Summarize(Runs(5.0, 5.2), 1_000_000),
        Runs = Runs(5.0, 5.2),
        Image = new ImageDescription
        {
            Reference = "sample",
            Digest = Digest,
            MediaType = "application/vnd.oci.image.manifest.v1+json",
            ManifestDigest = Digest,
            ConfigDigest = Digest,
            Platform = "linux/amd64",
            Layers = [],
            TotalCompressedBytes = 0,
        },
        Environment = new EnvironmentDescription
        {
            Hostname = "node",
            Kernel = "6.1",
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
    };

    public static BenchmarkResult WithVariants()
    {
        var plain = Plain();
        VariantResult Variant(string snapshotter, string encoding) => new()
        {
            Snapshotter = snapshotter,
            Encoding = encoding,
            Status = VariantResult.Success,
            Summary = plain.Summary,
            Runs = plain.Runs,
            CompressedBytes = 2_000_000,
        };
        return plain with
        {
            BenchmarkConfig = plain.BenchmarkConfig with { WhatIf = ["zstd"], Snapshotters = ["overlayfs", "nosuch"] },
            Variants =
            [
                Variant("overlayfs", "original") with { PullPlusUnpackSeconds = 5.2 },
                Variant("overlayfs", "zstd") with
                {
                    Speedup = new SpeedupEstimate { Ratio = 1.8, Lower = 1.6, Upper = 2.0, ConfidenceLevel = 0.95 },
                    PullPlusUnpackSeconds = 4.2,
                },
                Variant("nosuch", "original") with
                {
                    Status = VariantResult.Failed,
                    Error = "unknown snapshotter 'nosuch'; this containerd offers: native, overlayfs",
                    Runs = [],
                    Summary = SummaryCalculator.Summarize([], null),
                },
            ],
        };
    }

    public static BenchmarkResult WithPhysics()
    {
        var plain = Plain();
        var runs = plain.Runs.Select(r => r with { SyncSeconds = 0.5, DurableSeconds = r.DurationSeconds + 0.5, Efficiency = 0.35, OverheadVsTar = 2.27 }).ToList();
        return plain with
        {
            Runs = runs,
            Summary = SummaryCalculator.Summarize(runs, 1_000_000) with
            {
                Drift = new DriftFinding { Detected = true, Rho = 1, PValue = 0.0167, SlopeSecondsPerRun = 1.96, Suggestion = "rerun with --cache drop" },
                FirstRunEffect = new FirstRunFinding { Detected = true, Ratio = 2.0, Suggestion = "add --warmup 1" },
                MedianDurableSeconds = 5.5,
            },
            Floors = new FloorMeasurement
            {
                Layers = [new LayerFloor { Digest = Digest, DecompressFloorSeconds = 1.75, ExtractFloorSeconds = 2.2, FloorTool = "unpigz" }],
                DecompressFloorSeconds = 1.75,
                ExtractFloorSeconds = 2.2,
            },
        };
    }

    private static List<RunResult> Runs(params double[] durations) =>
        durations.Select((d, i) => new RunResult { RunId = i + 1, Status = RunResult.Success, DurationSeconds = d }).ToList();
}
