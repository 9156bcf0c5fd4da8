using UnpackBench.Report.Html;

namespace UnpackBench.Report.Sections;

/// <summary>The document's notes: what a reader needs to interpret the figures.</summary>
public sealed class NotesSection : IReportSection
{
    /// <inheritdoc />
    public string? Render(ReportInput input) =>
        input.Result.Notes.Count == 0
            ? null
            : Markup.Section("notes", "Notes", "<ul>" + string.Concat(input.Result.Notes.Select(n => $"<li>{Markup.Encode(n)}</li>")) + "</ul>");
}
