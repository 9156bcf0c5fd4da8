using ScottPlot;
using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Core.Results;

namespace UnpackBench.Report.Charts;

/// <summary>
/// Per layer, the unpack's median apply time next to what plain tools took for the same layer:
/// decompress + extract with GNU tar, and decompress alone. The gap is containerd's own cost.
/// </summary>
public static class FloorChart
{
    private static readonly string[] Series = ["unpack (median apply)", "decompress + extract with tar", "decompress only"];

    /// <summary>The chart for the layers of <paramref name="floors"/>, with the apply medians of <paramref name="runs"/>.</summary>
    public static ChartFigure Render(FloorMeasurement floors, IReadOnlyList<RunResult> runs)
    {
        const string title = "Unpack against its floors, per layer";
        var plot = PlotCanvas.New(title, "Time (s)", "Layer");
        var count = floors.Layers.Count;
        var values = floors.Layers.Select((layer, i) => new[] { MedianApply(runs, i), layer.ExtractFloorSeconds, layer.DecompressFloorSeconds }).ToList();
        for (var s = 0; s < Series.Length; s++)
        {
            var series = s;
            var bars = plot.Add.Bars(values.Select((v, i) => new Bar
            {
                Position = ((count - i) * 4) - series,
                Value = v[series] ?? 0,
                FillColor = PlotCanvas.Colour(series),
            }).ToList());
            bars.Horizontal = true;
            bars.LegendText = Series[s];
        }

        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, count).Select(i => ((count - i) * 4) - 1.0)], [.. Enumerable.Range(1, count).Select(i => $"layer {i}")]);
        plot.Axes.Margins(left: 0);
        plot.ShowLegend(Edge.Right);
        var description =
            $"{count} layers; the unpack's median apply time against plain tools ({string.Join(", ", floors.Layers.Select(l => l.FloorTool).Distinct())}): " +
            $"extract floor {Figures.Seconds(floors.ExtractFloorSeconds)}, decompress floor {Figures.Seconds(floors.DecompressFloorSeconds)} in all.";
        var data = new ChartData(
            ["Layer", "Digest", "Floor tool", "Median apply (s)", "Decompress + extract floor (s)", "Decompress floor (s)"],
            [.. floors.Layers.Select((l, i) => (IReadOnlyList<string>)[
                $"{i + 1}", Figures.ShortDigest(l.Digest), l.FloorTool, Figures.Number(values[i][0], 3),
                Figures.Number(l.ExtractFloorSeconds, 3), Figures.Number(l.DecompressFloorSeconds, 3)])]);
        return PlotCanvas.Figure(plot, "floors-chart", title, description, data, height: Math.Max(PlotCanvas.Height, 120 + (70 * count)));
    }

    private static double? MedianApply(IReadOnlyList<RunResult> runs, int index)
    {
        double[] values = [.. runs.Where(r => r.Status == RunResult.Success && r.Layers.Count > index).Select(r => r.Layers[index].ApplySeconds).Order()];
        return values.Length == 0 ? null : Core.Statistics.DurationStatistics.Percentile(values, 0.5);
    }
}
