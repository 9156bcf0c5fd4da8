using UnpackBench.Report.Html;
using UnpackBench.Report.Sections;

namespace UnpackBench.Report;

/// <summary>
/// Renders a result document as one self-contained HTML page: its style inline, its charts inline
/// SVG, no script, nothing fetched. Each section appears only when the document has its data.
/// </summary>
public static class ReportRenderer
{
    private static readonly IReportSection[] Sections =
    [
        new OverviewSection(),
        new ComparisonSection(),
        new RunsSection(),
        new LayersSection(),
        new VariantsSection(),
        new FloorsSection(),
        new ResourcesSection(),
        new NotesSection(),
    ];

    /// <summary>The report for <paramref name="input"/>.</summary>
    /// <exception cref="ReportException">This machine has no font to draw the charts' text with.</exception>
    public static string Render(ReportInput input)
    {
        var result = input.Result;
        var subtitle = $"{result.Environment.Hostname}, {result.Environment.Snapshotter}, " +
            $"{result.BenchmarkConfig.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)}";
        return ReportPage.Wrap(
            $"Unpack benchmark: {result.BenchmarkConfig.TargetImage}",
            subtitle,
            Sections.Select(s => s.Render(input)).OfType<string>());
    }
}
