namespace UnpackBench.Report.Sections;

/// <summary>One part of the report. A section whose data the document does not have renders nothing.</summary>
public interface IReportSection
{
    /// <summary>The section as HTML, or null when <paramref name="input"/> has nothing for it.</summary>
    string? Render(ReportInput input);
}
