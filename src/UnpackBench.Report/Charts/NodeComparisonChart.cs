using ScottPlot;
using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Report.Survey;

namespace UnpackBench.Report.Charts;

/// <summary>
/// A survey's nodes side by side: each node × snapshotter's median as a bar (fastest at the top), a line
/// out to its 95th percentile, and each run as a dot when the node's document was given.
/// </summary>
public static class NodeComparisonChart
{
    /// <summary>The chart of <paramref name="timed"/> (succeeded rows with a median, fastest first); null when there are none.</summary>
    public static ChartFigure? Render(IReadOnlyList<SurveyRow> timed)
    {
        if (timed.Count == 0)
        {
            return null;
        }

        const string title = "Median unpack time per node and snapshotter";
        var plot = PlotCanvas.New(title, "Unpack time (s)", "Node · snapshotter");
        double Position(int i) => timed.Count - i;
        var snapshotters = timed.Select(r => r.Snapshotter).Distinct().ToList();
        foreach (var (snapshotter, colour) in snapshotters.Select((s, i) => (s, i)))
        {
            var bars = plot.Add.Bars(timed.Select((r, i) => (Row: r, Position: Position(i))).Where(p => p.Row.Snapshotter == snapshotter)
                .Select(p => new Bar { Position = p.Position, Value = p.Row.Median!.Value, FillColor = PlotCanvas.Colour(colour), Size = 0.6 }).ToList());
            bars.Horizontal = true;
            bars.LegendText = $"median, {snapshotter}";
        }

        AddPercentiles(plot, timed, Position);
        AddRuns(plot, timed, Position);
        plot.Axes.Left.SetTicks([.. timed.Select((_, i) => Position(i))], [.. timed.Select(r => r.Label)]);
        plot.Axes.Margins(left: 0);
        // The fastest rows are at the top, so their bars leave the upper right free.
        plot.ShowLegend(Alignment.UpperRight);
        var (fastest, slowest) = (timed[0], timed[^1]);
        var description =
            $"{timed.Count} rows on {timed.Select(r => r.Node).Distinct().Count()} nodes; the fastest is {fastest.Label} at {Figures.Seconds(fastest.Median)}, " +
            $"the slowest {slowest.Label} at {Figures.Seconds(slowest.Median)}: a spread of {Figures.Times(slowest.Median / fastest.Median)}.";
        var data = new ChartData(
            ["Node", "Snapshotter", "Median (s)", "95th percentile (s)", "Runs (s)"],
            [.. timed.Select(r => (IReadOnlyList<string>)[r.Node, r.Snapshotter, Figures.Number(r.Median, 3), Figures.Number(r.P95, 3), string.Join(", ", r.Runs.Select(d => Figures.Number(d, 3)))])]);
        return PlotCanvas.Figure(plot, "node-comparison", title, description, data, height: Math.Max(PlotCanvas.Height, 140 + (28 * timed.Count)));
    }

    private static void AddPercentiles(Plot plot, IReadOnlyList<SurveyRow> timed, Func<int, double> position)
    {
        var withP95 = timed.Select((r, i) => (Row: r, Y: position(i))).Where(p => p.Row.P95 is not null).ToList();
        foreach (var (row, y) in withP95)
        {
            var line = plot.Add.Line(row.Median!.Value, y, row.P95!.Value, y);
            line.LineColor = PlotCanvas.Colour(7);
            line.LineWidth = 1.5f;
        }

        if (withP95.Count > 0)
        {
            double[] xs = [.. withP95.Select(p => p.Row.P95!.Value)];
            double[] ys = [.. withP95.Select(p => p.Y)];
            var marks = plot.Add.ScatterPoints(xs, ys, PlotCanvas.Colour(7));
            marks.MarkerShape = MarkerShape.VerticalBar;
            marks.MarkerSize = 14;
            marks.LegendText = "95th percentile";
        }
    }

    private static void AddRuns(Plot plot, IReadOnlyList<SurveyRow> timed, Func<int, double> position)
    {
        var runs = timed.SelectMany((r, i) => r.Runs.Select(d => (X: d, Y: position(i) + 0.22))).ToList();
        if (runs.Count > 0)
        {
            double[] xs = [.. runs.Select(r => r.X)];
            double[] ys = [.. runs.Select(r => r.Y)];
            var dots = plot.Add.ScatterPoints(xs, ys, PlotCanvas.Colour(3));
            dots.MarkerShape = MarkerShape.FilledDiamond;
            dots.MarkerSize = 6;
            dots.LegendText = "each run";
        }
    }
}
