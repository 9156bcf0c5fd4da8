using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Report.Html;

namespace UnpackBench.Report.Survey;

/// <summary>What the comparison leaves out: the rows that did not succeed, with why, and the nodes the survey skipped.</summary>
public sealed class SurveyGapsSection : ISurveyReportSection
{
    /// <inheritdoc />
    public string? Render(SurveyReportInput input)
    {
        var failed = input.Rows.Where(r => !r.Succeeded).ToList();
        var skipped = input.Index.Summary.SkippedNodes;
        if (failed.Count == 0 && skipped.Count == 0)
        {
            return null;
        }

        var html = "";
        if (failed.Count > 0)
        {
            html += Markup.Table(
                "Rows that did not succeed",
                ["Node", "Snapshotter", "Phase", "Reason", "Runs completed", "Message"],
                failed.Select(r => (IReadOnlyList<string>)[r.Node, r.Snapshotter, r.Row.Phase, r.Row.Reason ?? Figures.Missing, $"{r.Row.CompletedRuns}", r.Row.Message ?? ""]),
                "failed-rows");
        }

        if (skipped.Count > 0)
        {
            html += Markup.Table(
                "Nodes left out",
                ["Node", "Reason", "Message"],
                skipped.Select(s => (IReadOnlyList<string>)[s.NodeName, s.Reason, s.Message]),
                "skipped-nodes");
        }

        return Markup.Section("gaps", "Not compared", html);
    }
}
