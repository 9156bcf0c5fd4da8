using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Reporting;

/// <summary>The table printed at the end: each run, then the statistics.</summary>
internal static class SummaryTable
{
    /// <summary>Renders the result as a table.</summary>
    public static IRenderable Build(BenchmarkResult result)
    {
        var runs = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(result.Image.Reference)}[/] on {Markup.Escape(result.Environment.Snapshotter)}");
        runs.AddColumns("Run", "Status", "Seconds", "Layers", "Error");
        foreach (var run in result.Runs)
        {
            runs.AddRow(
                run.RunId.ToString(CultureInfo.InvariantCulture),
                run.Status == RunResult.Success ? "[green]success[/]" : "[red]failed[/]",
                Format(run.DurationSeconds, "0.000"),
                run.Layers.Count.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(run.Error ?? ""));
        }

        var s = result.Summary;
        var stats = new Table().Border(TableBorder.Rounded).HideHeaders();
        stats.AddColumns("", "");
        stats.AddRow("Successful / failed", $"{s.SuccessfulRuns} / {s.FailedRuns}");
        stats.AddRow("Median", Format(s.MedianDurationSeconds, "0.000 s"));
        stats.AddRow("Mean (min – max)", $"{Format(s.AvgDurationSeconds, "0.000 s")} ({Format(s.MinDurationSeconds, "0.000")} – {Format(s.MaxDurationSeconds, "0.000")})");
        stats.AddRow("p95", Format(s.P95DurationSeconds, "0.000 s"));
        stats.AddRow("Std dev (CV)", $"{Format(s.StddevDurationSeconds, "0.000 s")} ({Format(s.Cv * 100, "0.0")} %)");
        stats.AddRow("Throughput", Format(s.ThroughputMbPerSecond, "0.0 MB/s"));
        stats.AddRow("Image", $"{result.Image.Layers.Count} layers, {Format(result.Image.TotalCompressedBytes / 1e6, "0.0")} MB compressed, {Format(result.Image.TotalUncompressedBytes / 1e6, "0.0")} MB unpacked");
        stats.AddRow("containerd CPU (mean / max)", $"{Format(s.AvgCpuSeconds, "0.00")} / {Format(s.MaxCpuSeconds, "0.00")} CPU-s; peak {Format(s.MaxCpuPeakPercent, "0")} % of a core");
        stats.AddRow("containerd memory peak (mean / max)", $"{Format(s.AvgMemoryPeakMb, "0.0")} / {Format(s.MaxMemoryPeakMb, "0.0")} MiB; {(s.MaxPidPeakCount is { } p ? p.ToString(CultureInfo.InvariantCulture) : "–")} PIDs at most");
        stats.AddRow("Figures from", Markup.Escape(result.BenchmarkConfig.StatsSource));
        stats.AddRow("gzip decompressor", Markup.Escape(result.Environment.Decompressor));
        return new Rows(runs, stats);
    }

    private static string Format(double? value, string format) =>
        value is null ? "–" : value.Value.ToString(format, CultureInfo.InvariantCulture);
}
