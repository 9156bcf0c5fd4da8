using ScottPlot;

namespace UnpackBench.Report.Charts;

/// <summary>The look every chart shares (sans-serif text, axis titles with units) and the step from plot to figure.</summary>
public static class PlotCanvas
{
    /// <summary>Chart width in SVG units; the page scales it to the column.</summary>
    public const int Width = 960;

    /// <summary>Height of an ordinary chart in SVG units.</summary>
    public const int Height = 380;

    /// <summary>A plot with the report's style, its title and axis titles.</summary>
    public static Plot New(string title, string xLabel, string yLabel)
    {
        ChartFont.Require();
        var plot = new Plot();
        plot.Font.Set(ChartFont.Family);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Title.Label.FontSize = 18;
        plot.Axes.Bottom.Label.FontSize = 14;
        plot.Axes.Left.Label.FontSize = 14;
        plot.Axes.Bottom.Label.Bold = false;
        plot.Axes.Left.Label.Bold = false;
        return plot;
    }

    /// <summary>Renders <paramref name="plot"/> and wraps it with its description and data.</summary>
    public static ChartFigure Figure(Plot plot, string id, string title, string description, ChartData data, int height = Height)
    {
        var svg = SvgEmbedding.Embed(plot.GetSvgXml(Width, height), id, title, description);
        return new ChartFigure(id, title, description, svg, data);
    }

    /// <summary>The report's palette (colour-blind safe, Okabe–Ito), by index.</summary>
    public static Color Colour(int index) => Palette[index % Palette.Length];

    private static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#D55E00"),
        Color.FromHex("#56B4E9"), Color.FromHex("#CC79A7"), Color.FromHex("#F0E442"), Color.FromHex("#000000"),
    ];
}
