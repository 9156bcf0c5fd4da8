using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Report.Charts;
using UnpackBench.Report.Html;

namespace UnpackBench.Report.Sections;

/// <summary>Each run's time with the median marked, and the runs as a table (failed runs with their reason).</summary>
public sealed class RunsSection : IReportSection
{
    /// <inheritdoc />
    public string? Render(ReportInput input)
    {
        var runs = input.Result.Runs;
        if (runs.Count == 0)
        {
            return null;
        }

        var chart = RunDurationChart.Render(runs, input.Result.Summary.MedianDurationSeconds);
        var table = Markup.Table(
            "Timed runs",
            ["Run", "Status", "Unpack time", "Clear before", "containerd CPU", "CPU peak", "Memory peak", "PIDs peak", "Error"],
            runs.Select(r => (IReadOnlyList<string>)[
                $"{r.RunId}", r.Status, Figures.Seconds(r.DurationSeconds), Figures.Seconds(r.ClearSeconds),
                Figures.Seconds(r.Metrics?.CpuSeconds), Percent(r.PeakMetrics.CpuPeakPercent),
                r.PeakMetrics.MemoryPeakMb is null ? Figures.Missing : $"{Figures.Number(r.PeakMetrics.MemoryPeakMb, 1)} MiB",
                Figures.Number(r.PeakMetrics.PidPeakCount, 0), r.Error ?? ""]),
            "runs");
        return Markup.Section("runs", "Runs", (chart?.ToHtml() ?? Markup.Paragraph("No run succeeded, so there is no time to chart.")) + table);
    }

    private static string Percent(double? value) => value is null ? Figures.Missing : $"{Figures.Number(value, 0)} %";
}
