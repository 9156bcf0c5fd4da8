using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Reporting;

/// <summary>The table printed at the end: each run, then the statistics, then (with several variants) their comparison.</summary>
internal static class SummaryTable
{
    /// <summary>Renders the result as tables.</summary>
    public static IRenderable Build(BenchmarkResult result)
    {
        var parts = new List<IRenderable> { Runs(result) };
        if (CopiesTable.Build(result.Runs) is { } copies)
        {
            parts.Add(copies);
        }

        parts.Add(Statistics(result));
        if (result.Variants is { } variants)
        {
            parts.Add(VariantTable.Build(variants, result.BenchmarkConfig.LinkMbps));
        }

        return new Rows(parts);
    }

    private static Table Runs(BenchmarkResult result)
    {
        var durable = result.Runs.Any(r => r.SyncSeconds is not null);
        var floors = result.Runs.Any(r => r.Efficiency is not null);
        var cache = result.Runs.Any(r => r.CacheState is not null);
        var runs = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(result.Image.Reference)}[/] on {Markup.Escape(result.Environment.Snapshotter)}");
        runs.AddColumns("Run", "Status", "Seconds", "Layers");
        AddIf(runs, durable, "Sync (s)");
        AddIf(runs, floors, "Efficiency", "× tar");
        AddIf(runs, cache, "Page cache (MB)");
        runs.AddColumn("Error");
        foreach (var run in result.Runs)
        {
            var cells = new List<string>
            {
                run.RunId.ToString(CultureInfo.InvariantCulture),
                run.Status == RunResult.Success ? "[green]success[/]" : "[red]failed[/]",
                Format(run.DurationSeconds, "0.000"),
                run.Copies is { } copies ? $"{run.Layers.Count} × {copies.Count} copies" : run.Layers.Count.ToString(CultureInfo.InvariantCulture),
            };
            cells.AddRange(durable ? [Format(run.SyncSeconds, "0.000")] : []);
            cells.AddRange(floors ? [Format(run.Efficiency, "0.00"), Format(run.OverheadVsTar, "0.00")] : []);
            cells.AddRange(cache ? [Format(run.CacheState?.CachedMb, "0")] : []);
            cells.Add(Markup.Escape(run.Error ?? ""));
            runs.AddRow(cells.ToArray());
        }

        return runs;
    }

    private static Table Statistics(BenchmarkResult result)
    {
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
        stats.AddRow("Page cache at each start", Markup.Escape(result.BenchmarkConfig.CacheMode));
        stats.AddRow("containerd's root on", result.Environment.RootFilesystem == RootFilesystems.Ext4WithoutJournal
            ? $"[yellow]{Markup.Escape(result.Environment.RootFilesystem)}[/]: the cost per file grows with the files deleted in the minutes before (see the notes)"
            : Markup.Escape(result.Environment.RootFilesystem));
        AddPhysics(stats, result);
        return stats;
    }

    private static void AddPhysics(Table stats, BenchmarkResult result)
    {
        var s = result.Summary;
        if (result.BenchmarkConfig.Concurrency > 1)
        {
            stats.AddRow("Copies per run", $"{result.BenchmarkConfig.Concurrency}; aggregate {Format(s.AggregateThroughputMbPerSecond, "0.0 MB/s")} at the median");
        }

        if (s.MedianDurableSeconds is not null)
        {
            stats.AddRow("Durable (unpack + syncfs), median", Format(s.MedianDurableSeconds, "0.000 s"));
        }

        if (result.Floors is { } floors)
        {
            stats.AddRow("Floors: decompress / decompress + tar", $"{Format(floors.DecompressFloorSeconds, "0.000 s")} / {Format(floors.ExtractFloorSeconds, "0.000 s")} ({Markup.Escape(string.Join(", ", floors.Layers.Select(l => l.FloorTool).Distinct()))})");
            stats.AddRow("Efficiency (decompress floor / unpack)", Format(s.Efficiency, "0.00"));
            stats.AddRow("Overhead vs tar (unpack / tar floor)", Format(s.OverheadVsTar, "0.00×"));
        }

        if (s.Drift is { } drift)
        {
            stats.AddRow("Drift", drift.Detected
                ? $"[yellow]yes[/]: {Format(drift.SlopeSecondsPerRun, "+0.000;-0.000")} s per run (rho {Format(drift.Rho, "0.00")}, p {Format(drift.PValue, "0.000")}); {Markup.Escape(drift.Suggestion ?? "")}"
                : $"none (rho {Format(drift.Rho, "0.00")}, p {Format(drift.PValue, "0.000")})");
        }

        if (s.FirstRunEffect is { Detected: true } first)
        {
            stats.AddRow("First run", $"[yellow]{Format(first.Ratio, "0.0")}× the others[/]: {Markup.Escape(first.Suggestion ?? "")}");
        }
    }

    private static void AddIf(Table table, bool condition, params string[] columns)
    {
        if (condition)
        {
            table.AddColumns(columns);
        }
    }

    /// <summary>A figure in <paramref name="format"/>, or a dash when it was not measured.</summary>
    public static string Format(double? value, string format) =>
        value is null ? "–" : value.Value.ToString(format, CultureInfo.InvariantCulture);
}
