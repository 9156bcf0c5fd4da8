using UnpackBench.Core.Results;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// A result document built from the runs an agent reported before it was lost, so completed runs'
/// figures are kept even when the agent never wrote its own document.
/// </summary>
public static class PartialResultBuilder
{
    /// <summary>The document, or null when no run was reported.</summary>
    public static BenchmarkResult? Build(V1Alpha1UnpackBenchmark benchmark, AgentProgress progress, string? nodeName, string why, DateTimeOffset startedAt)
    {
        if (progress.Runs.Count == 0 || progress.Image is null)
        {
            return null;
        }

        var runs = progress.Runs.Values.ToList();
        return new BenchmarkResult
        {
            BenchmarkConfig = new BenchmarkConfig
            {
                TargetImage = benchmark.Spec.Image,
                NumRuns = benchmark.Spec.Runs,
                Timestamp = startedAt,
                Snapshotter = benchmark.Spec.Snapshotter,
                Source = "pull",
                WarmupRuns = benchmark.Spec.WarmupRuns,
                Platform = benchmark.Spec.Platform ?? progress.Image.Platform,
                SampleIntervalMs = benchmark.Spec.SampleIntervalMs,
                StatsSource = runs.Select(r => r.Metrics?.Source).FirstOrDefault(s => s is not null) ?? "none",
            },
            Summary = SummaryCalculator.Summarize(runs, progress.Image.TotalUncompressedBytes),
            Runs = runs,
            Image = progress.Image,
            Environment = new EnvironmentDescription
            {
                Hostname = nodeName ?? "unknown",
                Kernel = "unknown",
                CpuModel = "unknown",
                CpuCount = 0,
                MemoryMb = null,
                RootFilesystem = "unknown",
                ContainerdVersion = "unknown",
                ContainerdRevision = "unknown",
                ContainerdMode = "private",
                Snapshotter = benchmark.Spec.Snapshotter,
                Decompressor = "unknown",
                AgentVersion = "unknown",
            },
            Notes = [$"partial result assembled by the operator: {why}; the environment section is unknown because the agent did not report it"],
        };
    }
}
