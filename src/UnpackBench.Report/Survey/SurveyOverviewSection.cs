using System.Globalization;
using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Report.Html;

namespace UnpackBench.Report.Survey;

/// <summary>What was surveyed, how it ended, the fastest and slowest row and the spread, per snapshotter.</summary>
public sealed class SurveyOverviewSection : ISurveyReportSection
{
    /// <inheritdoc />
    public string Render(SurveyReportInput input)
    {
        var (index, summary) = (input.Index, input.Index.Summary);
        var named = input.Rows.Select(r => r.Row.ResultConfigMap).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        var survey = Markup.Facts("Survey", [
            ("Image", index.Image),
            ("Benchmark", string.Create(CultureInfo.InvariantCulture, $"{index.Benchmark}, generation {index.Generation}")),
            ("Outcome", index.Phase),
            ("Nodes", string.Create(CultureInfo.InvariantCulture, $"{summary.Nodes} surveyed: {summary.Succeeded} succeeded, {summary.Failed} failed; {summary.Skipped} left out")),
            ("Time", $"{Time(index.StartTime)} to {Time(index.CompletionTime)}"),
            ("Node documents", string.Create(CultureInfo.InvariantCulture, $"{input.Documents.Count} of {named} given{(input.Documents.Count < named ? "; the runs of the others are not shown" : "")}")),
        ]);
        var spread = Markup.Facts("Spread", [
            ("Fastest", Extreme(summary.Fastest)),
            ("Slowest", Extreme(summary.Slowest)),
            ("Spread", summary.Spread is null ? Figures.Missing : $"×{summary.Spread} (slowest median / fastest median)"),
            .. input.Timed.GroupBy(r => r.Snapshotter).Select(g => (
                $"Snapshotter {g.Key}",
                string.Create(CultureInfo.InvariantCulture, $"{g.Count()} rows, medians {Figures.Seconds(g.Min(r => r.Median))} to {Figures.Seconds(g.Max(r => r.Median))}"))),
        ]);
        return Markup.Section("survey", "Survey", $"<div class=\"columns\">{survey}{spread}</div>");
    }

    private static string Extreme(SurveyExtreme? extreme) =>
        extreme is null ? Figures.Missing : $"{extreme.NodeName} · {extreme.Snapshotter}: {extreme.MedianSeconds} s";

    private static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? Figures.Missing;
}
