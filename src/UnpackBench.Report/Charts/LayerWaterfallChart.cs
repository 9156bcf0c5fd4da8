using ScottPlot;
using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Core.Results;

namespace UnpackBench.Report.Charts;

/// <summary>
/// One run's layers as a waterfall: each layer a row, its prepare, apply and commit as consecutive
/// segments starting where the previous layer ended (the steps are readings of one clock).
/// </summary>
public static class LayerWaterfallChart
{
    private static readonly (string Name, Func<LayerTiming, double> Seconds)[] Steps =
    [
        ("prepare", l => l.PrepareSeconds),
        ("apply", l => l.ApplySeconds),
        ("commit", l => l.CommitSeconds),
    ];

    /// <summary>The waterfall of <paramref name="run"/>, with sizes from <paramref name="image"/>.</summary>
    public static ChartFigure Render(RunResult run, ImageDescription image, string id = "layer-waterfall")
    {
        var title = $"Layers of run {run.RunId}: prepare, apply, commit";
        var plot = PlotCanvas.New(title, "Time since the run started (s)", "Layer");
        var count = run.Layers.Count;
        var starts = Starts(run.Layers);
        for (var s = 0; s < Steps.Length; s++)
        {
            var (name, seconds) = Steps[s];
            var offset = s;
            var bars = plot.Add.Bars(run.Layers.Select((layer, i) =>
            {
                var from = starts[i] + Steps.Take(offset).Sum(step => step.Seconds(layer));
                return new Bar { Position = count - i, ValueBase = from, Value = from + seconds(layer), FillColor = PlotCanvas.Colour(s) };
            }).ToList());
            bars.Horizontal = true;
            bars.LegendText = name;
        }

        plot.Axes.Left.SetTicks(
            [.. Enumerable.Range(0, count).Select(i => (double)(count - i))],
            [.. run.Layers.Select((layer, i) => $"{i + 1} ({Figures.Megabytes(Size(image, i))})")]);
        plot.Axes.Margins(left: 0);
        plot.ShowLegend(Edge.Right);
        var slowest = run.Layers.Select((l, i) => (l, i)).MaxBy(x => x.l.DurationSeconds);
        var description =
            $"Run {run.RunId} unpacked {count} layers in {Figures.Seconds(run.DurationSeconds)}; layer {slowest.i + 1} took longest, " +
            $"{Figures.Seconds(slowest.l.DurationSeconds)}, of which apply (decompress and extract) {Figures.Seconds(slowest.l.ApplySeconds)}.";
        var data = new ChartData(
            ["Layer", "Digest", "Size", "Starts at (s)", "Prepare (s)", "Apply (s)", "Commit (s)", "Total (s)"],
            [.. run.Layers.Select((l, i) => (IReadOnlyList<string>)[
                $"{i + 1}", Figures.ShortDigest(l.Digest), Figures.Megabytes(Size(image, i)), Figures.Number(starts[i], 3),
                Figures.Number(l.PrepareSeconds, 4), Figures.Number(l.ApplySeconds, 4), Figures.Number(l.CommitSeconds, 4), Figures.Number(l.DurationSeconds, 4)])]);
        return PlotCanvas.Figure(plot, id, title, description, data, height: Math.Max(PlotCanvas.Height, 120 + (36 * count)));
    }

    /// <summary>The successful run whose time is closest to the median: the one worth looking at.</summary>
    public static RunResult? MedianRun(IReadOnlyList<RunResult> runs, double? median) =>
        median is null
            ? null
            : runs.Where(r => r.Status == RunResult.Success && r.DurationSeconds is not null && r.Layers.Count > 0)
                .MinBy(r => Math.Abs(r.DurationSeconds!.Value - median.Value));

    private static double[] Starts(IReadOnlyList<LayerTiming> layers)
    {
        var starts = new double[layers.Count];
        for (var i = 1; i < layers.Count; i++)
        {
            starts[i] = starts[i - 1] + layers[i - 1].DurationSeconds;
        }

        return starts;
    }

    private static long? Size(ImageDescription image, int index) =>
        index < image.Layers.Count ? image.Layers[index].UncompressedBytes ?? image.Layers[index].CompressedBytes : null;
}
