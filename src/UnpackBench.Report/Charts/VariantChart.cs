using ScottPlot;
using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Core.Results;

namespace UnpackBench.Report.Charts;

/// <summary>The median unpack time of every variant (snapshotter × encoding) that ran, as horizontal bars.</summary>
public static class VariantChart
{
    /// <summary>The chart; null when no variant has a median.</summary>
    public static ChartFigure? Render(IReadOnlyList<VariantResult> variants)
    {
        var timed = variants.Where(v => v.Summary.MedianDurationSeconds is not null).ToList();
        if (timed.Count == 0)
        {
            return null;
        }

        const string title = "Median unpack time of each variant";
        var plot = PlotCanvas.New(title, "Median unpack time (s)", "Variant");
        var snapshotters = timed.Select(v => v.Snapshotter).Distinct().ToList();
        var bars = plot.Add.Bars(timed.Select((v, i) => new Bar
        {
            Position = timed.Count - i,
            Value = v.Summary.MedianDurationSeconds!.Value,
            FillColor = PlotCanvas.Colour(snapshotters.IndexOf(v.Snapshotter)),
        }).ToList());
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks([.. timed.Select((_, i) => (double)(timed.Count - i))], [.. timed.Select(Name)]);
        plot.Axes.Margins(left: 0);
        var fastest = timed.MinBy(v => v.Summary.MedianDurationSeconds!.Value)!;
        var description = $"{timed.Count} variants; the fastest is {Name(fastest)} at {Figures.Seconds(fastest.Summary.MedianDurationSeconds)}.";
        var data = new ChartData(
            ["Variant", "Median unpack time (s)"],
            [.. timed.Select(v => (IReadOnlyList<string>)[Name(v), Figures.Number(v.Summary.MedianDurationSeconds, 3)])]);
        return PlotCanvas.Figure(plot, "variants-chart", title, description, data, height: Math.Max(PlotCanvas.Height, 120 + (40 * timed.Count)));
    }

    /// <summary><c>overlayfs · zstd</c>.</summary>
    public static string Name(VariantResult variant) => $"{variant.Snapshotter} · {variant.Encoding}";
}
