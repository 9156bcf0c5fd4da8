namespace UnpackBench.Report.Survey;

/// <summary>One part of a survey's report. A section whose data the survey does not have renders nothing.</summary>
public interface ISurveyReportSection
{
    /// <summary>The section as HTML, or null when <paramref name="input"/> has nothing for it.</summary>
    string? Render(SurveyReportInput input);
}
