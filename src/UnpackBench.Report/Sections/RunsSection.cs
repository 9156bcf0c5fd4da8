using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Core.Results;
using UnpackBench.Report.Charts;
using UnpackBench.Report.Html;

namespace UnpackBench.Report.Sections;

/// <summary>
/// Each run's time with the median marked, what the run series says about itself (drift, a slow
/// first run) when the document has it, and the runs as a table (failed runs with their reason).
/// </summary>
public sealed class RunsSection : IReportSection
{
    /// <inheritdoc />
    public string? Render(ReportInput input)
    {
        var runs = input.Result.Runs;
        if (runs.Count == 0)
        {
            return null;
        }

        var chart = RunDurationChart.Render(runs, input.Result.Summary.MedianDurationSeconds);
        var (headers, rows) = RunColumns.For(runs);
        return Markup.Section(
            "runs",
            "Runs",
            (chart?.ToHtml() ?? Markup.Paragraph("No run succeeded, so there is no time to chart.")) + Findings(input.Result.Summary) + Markup.Table("Timed runs", headers, rows, "runs"));
    }

    private static string Findings(BenchmarkSummary summary)
    {
        var findings = new List<string>();
        if (summary.Drift is { } drift)
        {
            findings.Add(drift.Detected
                ? $"The runs drift: each took about {Figures.Seconds(Math.Abs(drift.SlopeSecondsPerRun))} {(drift.SlopeSecondsPerRun > 0 ? "longer" : "less")} than the one before (Spearman's rho {Figures.Number(drift.Rho, 2)}, p = {Figures.Probability(drift.PValue)}). {drift.Suggestion}"
                : $"No drift across the runs (Spearman's rho {Figures.Number(drift.Rho, 2)}, p = {Figures.Probability(drift.PValue)}).");
        }

        if (summary.FirstRunEffect is { Detected: true } first)
        {
            findings.Add($"The first run took {Figures.Times(first.Ratio)} the median of the others. {first.Suggestion}");
        }

        return findings.Count == 0 ? "" : "<ul class=\"findings\">" + string.Concat(findings.Select(f => $"<li>{Markup.Encode(f.Trim())}</li>")) + "</ul>";
    }
}
