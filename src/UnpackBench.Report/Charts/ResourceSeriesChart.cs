using ScottPlot;
using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Core.Results;

namespace UnpackBench.Report.Charts;

/// <summary>One sampled figure (CPU, memory or PIDs) over each run's timed window, a line per run.</summary>
public static class ResourceSeriesChart
{
    /// <summary>A figure of the series: its name, unit, decimals and how to read it from a sample.</summary>
    public sealed record Figure(string Id, string Title, string Axis, int Decimals, Func<MetricsSample, double?> Value);

    /// <summary>CPU, percent of one core.</summary>
    public static readonly Figure Cpu = new("cpu", "containerd CPU during each run", "CPU (% of one core)", 1, s => s.CpuPercent);

    /// <summary>Memory without reclaimable page cache, MiB.</summary>
    public static readonly Figure Memory = new("memory", "containerd memory during each run", "Memory (MiB, without page cache)", 1, s => s.MemoryMb);

    /// <summary>Processes and threads.</summary>
    public static readonly Figure Pids = new("pids", "containerd processes and threads during each run", "PIDs (processes and threads)", 0, s => s.Pids);

    /// <summary>The chart of <paramref name="figure"/> over <paramref name="runs"/>; null when no run has a sample of it.</summary>
    public static ChartFigure? Render(IReadOnlyList<RunResult> runs, Figure figure)
    {
        var series = runs
            .Select(r => (Run: r, Points: (r.Metrics?.Series ?? []).Where(s => figure.Value(s) is not null).ToList()))
            .Where(s => s.Points.Count > 0)
            .ToList();
        if (series.Count == 0)
        {
            return null;
        }

        var plot = PlotCanvas.New(figure.Title, "Time since the run started (s)", figure.Axis);
        foreach (var (s, index) in series.Select((s, i) => (s, i)))
        {
            var line = plot.Add.ScatterLine(s.Points.Select(p => p.T).ToArray(), s.Points.Select(p => figure.Value(p)!.Value).ToArray(), PlotCanvas.Colour(index));
            line.LineWidth = 2;
            line.LegendText = $"run {s.Run.RunId}";
        }

        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        var peak = series.SelectMany(s => s.Points.Select(p => (s.Run.RunId, p.T, Value: figure.Value(p)!.Value))).MaxBy(p => p.Value);
        var description = $"{series.Count} runs sampled; the highest reading was {Figures.Number(peak.Value, figure.Decimals)} in run {peak.RunId} at {Figures.Seconds(peak.T)}.";
        var data = new ChartData(
            ["Run", "Time (s)", figure.Axis],
            [.. series.SelectMany(s => s.Points.Select(p => (IReadOnlyList<string>)[$"{s.Run.RunId}", Figures.Number(p.T, 3), Figures.Number(figure.Value(p), figure.Decimals)]))]);
        return PlotCanvas.Figure(plot, $"resource-{figure.Id}", figure.Title, description, data);
    }
}
