using ScottPlot;
using UnpackBench.Analysis.Comparison;
using UnpackBench.Analysis.Comparison.Formatting;

namespace UnpackBench.Report.Charts;

/// <summary>Every run of the baseline and of the candidate side by side, each with its median: the two distributions the verdict compares.</summary>
public static class ComparisonChart
{
    /// <summary>The chart; null when either side has no successful run.</summary>
    public static ChartFigure? Render(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, ResultComparison comparison)
    {
        if (baseline.Count == 0 || candidate.Count == 0)
        {
            return null;
        }

        const string title = "Unpack time: baseline and candidate runs";
        var plot = PlotCanvas.New(title, "Benchmark", "Unpack time (s)");
        AddSide(plot, 1, "baseline", baseline, comparison.Duration.BaselineMedianSeconds, 0);
        AddSide(plot, 2, "candidate", candidate, comparison.Duration.CandidateMedianSeconds, 1);
        plot.Axes.Bottom.SetTicks([1, 2], ["baseline", "candidate"]);
        plot.Axes.SetLimitsX(0.4, 2.6);
        plot.ShowLegend(Alignment.UpperLeft);
        var description =
            $"Verdict {Figures.Word(comparison.Verdict)}: candidate median {Figures.Seconds(comparison.Duration.CandidateMedianSeconds)} against " +
            $"{Figures.Seconds(comparison.Duration.BaselineMedianSeconds)}, ratio {ComparisonSentences.Ratio(comparison.Duration)}.";
        var data = new ChartData(
            ["Benchmark", "Run", "Unpack time (s)"],
            [.. baseline.Select((d, i) => (IReadOnlyList<string>)["baseline", $"{i + 1}", Figures.Number(d, 3)]),
             .. candidate.Select((d, i) => (IReadOnlyList<string>)["candidate", $"{i + 1}", Figures.Number(d, 3)])]);
        return PlotCanvas.Figure(plot, "comparison-runs", title, description, data);
    }

    private static void AddSide(Plot plot, double x, string name, IReadOnlyList<double> durations, double? median, int colour)
    {
        // Spread the points a little sideways, in run order, so equal times stay visible.
        double[] xs = [.. durations.Select((_, i) => x - 0.15 + (0.3 * (i + 0.5) / durations.Count))];
        var points = plot.Add.ScatterPoints(xs, [.. durations], PlotCanvas.Colour(colour));
        points.MarkerSize = 9;
        points.LegendText = $"{name} runs";
        if (median is { } m)
        {
            var line = plot.Add.Line(x - 0.25, m, x + 0.25, m);
            line.LineColor = PlotCanvas.Colour(colour);
            line.LineWidth = 3;
            line.LegendText = $"{name} median {Figures.Seconds(m)}";
        }
    }
}
