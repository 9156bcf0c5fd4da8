using ScottPlot;
using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Core.Results;

namespace UnpackBench.Report.Charts;

/// <summary>Each run's unpack time as a bar, failed runs named on the axis, the median as a line.</summary>
public static class RunDurationChart
{
    /// <summary>The chart for <paramref name="runs"/>; null when no run succeeded.</summary>
    public static ChartFigure? Render(IReadOnlyList<RunResult> runs, double? median, string id = "run-durations")
    {
        var timed = runs.Where(r => r.DurationSeconds is not null).ToList();
        if (timed.Count == 0 || median is null)
        {
            return null;
        }

        const string title = "Unpack time of each run";
        var plot = PlotCanvas.New(title, "Run", "Unpack time (s)");
        var bars = plot.Add.Bars(timed.Select(r => new Bar
        {
            Position = r.RunId,
            Value = r.DurationSeconds!.Value,
            FillColor = PlotCanvas.Colour(0),
        }).ToList());
        bars.LegendText = "successful run";
        var line = plot.Add.HorizontalLine(median.Value, 2, PlotCanvas.Colour(3), LinePattern.Dashed);
        line.LegendText = $"median {Figures.Seconds(median)}";
        plot.Axes.Bottom.SetTicks(
            [.. runs.Select(r => (double)r.RunId)],
            [.. runs.Select(r => r.Status == RunResult.Success ? $"{r.RunId}" : $"{r.RunId} (failed)")]);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.LowerRight);
        var failed = runs.Count(r => r.Status != RunResult.Success);
        var description =
            $"{timed.Count} successful runs between {Figures.Seconds(timed.Min(r => r.DurationSeconds))} and {Figures.Seconds(timed.Max(r => r.DurationSeconds))}, " +
            $"median {Figures.Seconds(median)}{(failed > 0 ? $"; {failed} failed" : "")}.";
        var data = new ChartData(
            ["Run", "Status", "Unpack time (s)"],
            [.. runs.Select(r => (IReadOnlyList<string>)[$"{r.RunId}", r.Status, Figures.Number(r.DurationSeconds, 3)])]);
        return PlotCanvas.Figure(plot, id, title, description, data);
    }
}
