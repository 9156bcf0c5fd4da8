using ScottPlot;

namespace UnpackBench.Report.Charts;

/// <summary>
/// The font the charts' text is measured and drawn in. Without any font the plotting library draws
/// charts with no text at all — no title, no axis titles — so the report refuses instead.
/// </summary>
public static class ChartFont
{
    /// <summary>The family asked for: DejaVu ships with most Linux systems and with Chromium on Debian.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<string?> Problem = new(() =>
        Fonts.GetTypeface(Family, bold: false, italic: false) is { GlyphCount: > 0 }
            ? null
            : "no font is installed to draw the charts' titles and labels with; install one (on Debian or Ubuntu: apt-get install fonts-dejavu-core)");

    /// <summary>Throws <see cref="ReportException"/> when no font can draw text.</summary>
    public static void Require()
    {
        if (Problem.Value is { } problem)
        {
            throw new ReportException(problem);
        }
    }
}
