using System.Globalization;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// Turns what the agent reported into the status's summary and image sections. Decimal figures become
/// strings with fixed precision, as the Kubernetes conventions advise against floats in the API.
/// </summary>
public static class StatusSummarizer
{
    /// <summary>The summary of the runs reported so far (the result's own summary once there is one).</summary>
    public static BenchmarkSummaryStatus? Summarize(AgentProgress progress)
    {
        if (progress.Runs.Count == 0 && progress.Result is null)
        {
            return null;
        }

        var runs = progress.Result?.Runs ?? progress.Runs.Values.ToList();
        return Summarize(progress.Result?.Summary ?? SummaryCalculator.Summarize(runs, progress.Image?.TotalUncompressedBytes));
    }

    /// <summary>The status's figures of <paramref name="summary"/>.</summary>
    public static BenchmarkSummaryStatus Summarize(BenchmarkSummary summary) => new()
    {
        SuccessfulRuns = summary.SuccessfulRuns,
        FailedRuns = summary.FailedRuns,
        AvgSeconds = Format(summary.AvgDurationSeconds, "0.000"),
        MinSeconds = Format(summary.MinDurationSeconds, "0.000"),
        MaxSeconds = Format(summary.MaxDurationSeconds, "0.000"),
        MedianSeconds = Format(summary.MedianDurationSeconds, "0.000"),
        P95Seconds = Format(summary.P95DurationSeconds, "0.000"),
        ThroughputMBps = Format(summary.ThroughputMbPerSecond, "0.0"),
        CpuSeconds = Format(summary.AvgCpuSeconds, "0.000"),
        CpuPeakPercent = Format(summary.MaxCpuPeakPercent, "0.0"),
        MemoryPeakMB = Format(summary.MaxMemoryPeakMb, "0.0"),
        PidPeakCount = summary.MaxPidPeakCount,
    };

    /// <summary>The summary when only the termination message survived (the log was lost).</summary>
    public static BenchmarkSummaryStatus? FromTermination(AgentTerminationMessage? termination) =>
        termination?.SuccessfulRuns is null
            ? null
            : new BenchmarkSummaryStatus
            {
                SuccessfulRuns = termination.SuccessfulRuns.Value,
                FailedRuns = termination.FailedRuns ?? 0,
                AvgSeconds = Format(termination.AvgSeconds, "0.000"),
                MinSeconds = Format(termination.MinSeconds, "0.000"),
                MaxSeconds = Format(termination.MaxSeconds, "0.000"),
                MedianSeconds = Format(termination.MedianSeconds, "0.000"),
                P95Seconds = Format(termination.P95Seconds, "0.000"),
                ThroughputMBps = Format(termination.ThroughputMbPerSecond, "0.0"),
            };

    /// <summary>The image section when only the termination message survived.</summary>
    public static BenchmarkImageStatus? ImageFromTermination(AgentTerminationMessage? termination) =>
        termination?.ImageDigest is null
            ? null
            : new BenchmarkImageStatus
            {
                Digest = termination.ImageDigest,
                Platform = termination.Platform ?? "",
                Layers = termination.Layers ?? 0,
                CompressedBytes = termination.CompressedBytes ?? 0,
                UncompressedBytes = termination.UncompressedBytes,
            };

    /// <summary>The image section, once the agent has acquired the image.</summary>
    public static BenchmarkImageStatus? Image(AgentProgress progress)
    {
        var image = progress.Result?.Image ?? progress.Image;
        return image is null
            ? null
            : new BenchmarkImageStatus
            {
                Digest = image.Digest,
                Platform = image.Platform,
                Layers = image.Layers.Count,
                CompressedBytes = image.TotalCompressedBytes,
                UncompressedBytes = image.TotalUncompressedBytes,
            };
    }

    private static string? Format(double? value, string format) =>
        value?.ToString(format, CultureInfo.InvariantCulture);
}
