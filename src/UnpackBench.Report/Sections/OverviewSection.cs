using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Report.Html;

namespace UnpackBench.Report.Sections;

/// <summary>What was benchmarked where, and the summary table.</summary>
public sealed class OverviewSection : IReportSection
{
    /// <inheritdoc />
    public string Render(ReportInput input)
    {
        var r = input.Result;
        var s = r.Summary;
        var setup = Markup.Facts("Benchmark", [
            ("Image", r.BenchmarkConfig.TargetImage),
            ("Manifest", r.Image.ManifestDigest),
            ("Platform", r.Image.Platform),
            ("Node", $"{r.Environment.Hostname} — {r.Environment.CpuCount} CPUs ({r.Environment.CpuModel}), {Figures.Number(r.Environment.MemoryMb, 0)} MiB, kernel {r.Environment.Kernel}"),
            ("containerd", $"{r.Environment.ContainerdVersion} ({r.Environment.ContainerdMode}), snapshotter {r.Environment.Snapshotter} on {r.Environment.RootFilesystem}, decompressor {r.Environment.Decompressor}"),
            ("Started", r.BenchmarkConfig.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture)),
            ("Layers", $"{r.Image.Layers.Count}: {Figures.Megabytes(r.Image.TotalCompressedBytes)} compressed, {Figures.Megabytes(r.Image.TotalUncompressedBytes)} uncompressed"),
        ]);
        var summary = Markup.Facts("Summary over successful runs", [
            ("Runs", $"{s.SuccessfulRuns} successful, {s.FailedRuns} failed"),
            ("Median", Figures.Seconds(s.MedianDurationSeconds)),
            ("Mean", Figures.Seconds(s.AvgDurationSeconds)),
            ("Fastest / slowest", $"{Figures.Seconds(s.MinDurationSeconds)} / {Figures.Seconds(s.MaxDurationSeconds)}"),
            ("95th percentile", Figures.Seconds(s.P95DurationSeconds)),
            ("Standard deviation", $"{Figures.Seconds(s.StddevDurationSeconds)} (CV {Figures.Number(s.Cv * 100, 1)} %)"),
            ("Throughput at the median", s.ThroughputMbPerSecond is null ? Figures.Missing : $"{Figures.Number(s.ThroughputMbPerSecond, 1)} MB/s uncompressed"),
            ("containerd CPU per run", Unit(s.AvgCpuSeconds, 2, "s", "mean")),
            ("containerd CPU peak", Unit(s.MaxCpuPeakPercent, 0, "% of one core", "highest")),
            ("containerd memory peak", Unit(s.MaxMemoryPeakMb, 1, "MiB", "highest")),
            ("PIDs peak", Unit(s.MaxPidPeakCount, 0, "", "highest")),
        ]);
        return Markup.Section("overview", "Overview", $"<div class=\"columns\">{setup}{summary}</div>");
    }

    private static string Unit(double? value, int decimals, string unit, string what) =>
        value is null ? "not measured" : $"{Figures.Number(value, decimals)} {unit} ({what})".Replace("  ", " ", StringComparison.Ordinal);
}
