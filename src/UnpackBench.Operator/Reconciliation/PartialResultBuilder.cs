using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// Result documents the operator assembles when the agent's own document did not arrive: from the runs
/// an agent logged before it was lost, or from its termination message when its log could not be read.
/// Either is marked partial, in its notes and on its ConfigMap.
/// </summary>
public static class PartialResultBuilder
{
    /// <summary>The document from the logged runs, or null when no run was logged.</summary>
    public static BenchmarkResult? Build(V1Alpha1UnpackBenchmark benchmark, AgentProgress progress, string? nodeName, string why, DateTimeOffset startedAt)
    {
        if (progress.Runs.Count == 0 || progress.Image is null)
        {
            return null;
        }

        var runs = progress.Runs.Values.ToList();
        return Document(benchmark, runs, SummaryCalculator.Summarize(runs, progress.Image.TotalUncompressedBytes), progress.Image, nodeName, startedAt, why);
    }

    /// <summary>The document from the termination message (and whatever the log gave before it failed).</summary>
    public static BenchmarkResult FromTermination(V1Alpha1UnpackBenchmark benchmark, AgentTerminationMessage termination, AgentProgress progress, string? nodeName, string why, DateTimeOffset startedAt)
    {
        var runs = termination.RunSeconds is { } seconds
            ? seconds.Select((duration, i) => duration is null
                ? new RunResult { RunId = i + 1, Status = RunResult.Failed, Error = "the run failed; the reason is in the agent's log, which could not be read" }
                : new RunResult { RunId = i + 1, Status = RunResult.Success, DurationSeconds = duration }).ToList()
            : progress.Runs.Values.ToList();
        var summary = new BenchmarkSummary
        {
            SuccessfulRuns = termination.SuccessfulRuns ?? runs.Count(r => r.Status == RunResult.Success),
            FailedRuns = termination.FailedRuns ?? runs.Count(r => r.Status == RunResult.Failed),
            MedianDurationSeconds = termination.MedianSeconds,
            AvgDurationSeconds = termination.AvgSeconds,
            MinDurationSeconds = termination.MinSeconds,
            MaxDurationSeconds = termination.MaxSeconds,
            P95DurationSeconds = termination.P95Seconds,
            ThroughputMbPerSecond = termination.ThroughputMbPerSecond,
        };
        var image = progress.Image ?? new ImageDescription
        {
            Reference = benchmark.Spec.Image,
            Digest = termination.ImageDigest ?? Unknown,
            MediaType = Unknown,
            ManifestDigest = Unknown,
            ConfigDigest = Unknown,
            Platform = termination.Platform ?? benchmark.Spec.Platform ?? Unknown,
            Layers = [],
            TotalCompressedBytes = termination.CompressedBytes ?? 0,
            TotalUncompressedBytes = termination.UncompressedBytes,
        };
        var cut = termination.Cut.Count == 0 ? "" : $"; the termination message left out {string.Join(", ", termination.Cut)} to fit";
        return Document(benchmark, runs, summary, image, nodeName, startedAt, why + cut);
    }

    private static BenchmarkResult Document(
        V1Alpha1UnpackBenchmark benchmark, IReadOnlyList<RunResult> runs, BenchmarkSummary summary, ImageDescription image, string? nodeName, DateTimeOffset startedAt, string why) => new()
        {
            BenchmarkConfig = new BenchmarkConfig
            {
                TargetImage = benchmark.Spec.Image,
                NumRuns = benchmark.Spec.Runs,
                Timestamp = startedAt,
                Snapshotter = benchmark.Spec.EffectiveSnapshotters[0],
                Source = "pull",
                WarmupRuns = benchmark.Spec.WarmupRuns,
                Platform = benchmark.Spec.Platform ?? image.Platform,
                SampleIntervalMs = benchmark.Spec.SampleIntervalMs,
                StatsSource = runs.Select(r => r.Metrics?.Source).FirstOrDefault(s => s is not null) ?? "none",
                Snapshotters = benchmark.Spec.EffectiveSnapshotters,
                CacheMode = benchmark.Spec.Cache,
            },
            Summary = summary,
            Runs = runs,
            Image = image,
            Environment = new EnvironmentDescription
            {
                Hostname = nodeName ?? Unknown,
                Kernel = Unknown,
                CpuModel = Unknown,
                CpuCount = 0,
                MemoryMb = null,
                RootFilesystem = Unknown,
                ContainerdVersion = Unknown,
                ContainerdRevision = Unknown,
                ContainerdMode = "private",
                Snapshotter = benchmark.Spec.EffectiveSnapshotters[0],
                Decompressor = Unknown,
                AgentVersion = Unknown,
            },
            Notes = [$"{PartialNote}: {why}; the environment section is unknown because the agent did not report it"],
        };

    /// <summary>What a partial document says for a figure of the environment the agent did not report.</summary>
    public const string Unknown = "unknown";

    /// <summary>How every partial document's note begins.</summary>
    public const string PartialNote = "partial result assembled by the operator";
}
