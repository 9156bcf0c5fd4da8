using System.Globalization;
using Spectre.Console;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Reporting;

/// <summary>The comparison of every variant (snapshotter × encoding × copies): what a local run with several prints last.</summary>
internal static class VariantTable
{
    /// <summary>One row per variant.</summary>
    public static Table Build(IReadOnlyList<VariantResult> variants, int linkMbps)
    {
        var whatIf = variants.Any(v => v.PullPlusUnpackSeconds is not null);
        var floors = variants.Any(v => v.Summary.Efficiency is not null);
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Variants[/]");
        table.AddColumns("Snapshotter", "Encoding", "Size (MB)", "Median (s)", "p95 (s)", "MB/s", "CPU-s", Markup.Escape("Speedup [95 % CI]"));
        if (whatIf)
        {
            table.AddColumn(string.Create(CultureInfo.InvariantCulture, $"Pull + unpack at {linkMbps} Mbit/s (s)"));
        }

        if (floors)
        {
            table.AddColumns("Efficiency", "× tar");
        }

        table.AddColumn("Note");
        foreach (var v in variants)
        {
            var s = v.Summary;
            var cells = new List<string>
            {
                Markup.Escape(v.Snapshotter),
                Markup.Escape(v.Encoding),
                SummaryTable.Format(v.CompressedBytes / 1e6, "0.0"),
                SummaryTable.Format(s.MedianDurationSeconds, "0.000"),
                SummaryTable.Format(s.P95DurationSeconds, "0.000"),
                SummaryTable.Format(s.AggregateThroughputMbPerSecond ?? s.ThroughputMbPerSecond, "0.0"),
                SummaryTable.Format(s.AvgCpuSeconds, "0.00"),
                Markup.Escape(Speedup(v.Speedup)),
            };
            cells.AddRange(whatIf ? [SummaryTable.Format(v.PullPlusUnpackSeconds, "0.00")] : []);
            cells.AddRange(floors ? [SummaryTable.Format(s.Efficiency, "0.00"), SummaryTable.Format(s.OverheadVsTar, "0.00")] : []);
            cells.Add(Note(v));
            table.AddRow(cells.ToArray());
        }

        return table;
    }

    private static string Speedup(SpeedupEstimate? speedup) => speedup switch
    {
        null => "–",
        { Lower: { } lower, Upper: { } upper } => string.Create(CultureInfo.InvariantCulture, $"{speedup.Ratio:0.00}× [{lower:0.00}, {upper:0.00}]"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{speedup.Ratio:0.00}× (too few runs for an interval)"),
    };

    private static string Note(VariantResult variant) => variant switch
    {
        { Status: VariantResult.Failed } => $"[red]{Markup.Escape(variant.Error ?? "failed")}[/]",
        { Summary.Drift.Detected: true } => "[yellow]drifts[/]",
        { Summary.SuccessfulRuns: 0 } => "[red]no successful run[/]",
        _ => "",
    };
}
