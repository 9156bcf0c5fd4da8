namespace UnpackBench.Analysis.Comparison;

/// <summary>A field whose values make two result documents incomparable.</summary>
/// <param name="Field">The field's path in the result document, e.g. <c>environment.hostname</c>.</param>
/// <param name="Baseline">Its value in the baseline (null when absent).</param>
/// <param name="Candidate">Its value in the candidate (null when absent).</param>
/// <param name="Forceable">Whether a forced comparison may go ahead despite it (false for the schema version).</param>
public sealed record FieldDifference(string Field, string? Baseline, string? Candidate, bool Forceable = true)
{
    /// <summary>One line: <c>environment.hostname differs: baseline "a", candidate "b"</c>.</summary>
    public override string ToString() => $"{Field} differs: baseline {Show(Baseline)}, candidate {Show(Candidate)}";

    private static string Show(string? value) => value is null ? "(absent)" : $"\"{value}\"";
}
