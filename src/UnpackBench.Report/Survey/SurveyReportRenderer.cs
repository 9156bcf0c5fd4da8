using System.Globalization;
using UnpackBench.Report.Html;

namespace UnpackBench.Report.Survey;

/// <summary>
/// Renders a survey — its index and the node documents given — as one self-contained HTML page, like a
/// benchmark's report: the nodes compared in a chart and a table, the rows that failed and the nodes left
/// out. Each section appears only when the survey has its data.
/// </summary>
public static class SurveyReportRenderer
{
    private static readonly ISurveyReportSection[] Sections =
    [
        new SurveyOverviewSection(),
        new NodeComparisonSection(),
        new SurveyGapsSection(),
    ];

    /// <summary>The report for <paramref name="input"/>.</summary>
    /// <exception cref="ReportException">This machine has no font to draw the charts' text with.</exception>
    public static string Render(SurveyReportInput input)
    {
        var index = input.Index;
        var started = index.StartTime?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "start unknown";
        return ReportPage.Wrap(
            $"Unpack survey: {index.Image}",
            string.Create(CultureInfo.InvariantCulture, $"{index.Benchmark} (generation {index.Generation}), {index.Phase}, {index.Summary.Nodes} nodes, {started}"),
            Sections.Select(s => s.Render(input)).OfType<string>());
    }
}
