using System.Globalization;

namespace UnpackBench.Analysis.Comparison.Formatting;

/// <summary>The phrases the text and markdown forms share, so both say the same thing the same way.</summary>
public static class ComparisonSentences
{
    /// <summary><c>app:2 — median 2.311 s over 5 runs on node-1 (2026-01-02 10:00 UTC)</c>.</summary>
    public static string Side(DocumentIdentity side, double? median) =>
        $"{side.TargetImage} — median {Figures.Seconds(median)} over {side.SuccessfulRuns} runs on {side.Hostname} ({side.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)";

    /// <summary><c>1.921 (95 % interval 1.812–2.050, exact coverage 96.0 %)</c>.</summary>
    public static string Ratio(DurationComparison d) => d.Ratio is null
        ? Figures.Missing
        : d.Lower is null
            ? $"{Figures.Ratio(d.Ratio)} (too few runs for a {Level(d.ConfidenceLevel)} interval)"
            : $"{Figures.Ratio(d.Ratio)} ({Level(d.ConfidenceLevel)} interval {Figures.Ratio(d.Lower)}–{Figures.Ratio(d.Upper)}, exact coverage {Figures.Number(d.Coverage * 100, 1)} %)";

    /// <summary><c>Mann–Whitney U = 0, two-sided p = 0.0079</c>.</summary>
    public static string RankTest(DurationComparison d) => d.PValue is null
        ? Figures.Missing
        : $"Mann–Whitney U = {Figures.Number(d.MannWhitneyU, 1)}, two-sided p {(d.PValue < 0.0001 ? "" : "= ")}{Figures.Probability(d.PValue)}";

    /// <summary><c>about 12 per benchmark (estimated …)</c>.</summary>
    public static string RunsNeeded(RunsNeeded needed) => needed.PerSample is { } n
        ? $"about {n} successful runs per benchmark ({needed.Reason})"
        : needed.Reason;

    /// <summary><c>1 added, 0 removed, 3 unchanged</c>.</summary>
    public static string LayerCounts(LayerComparison layers) =>
        $"{layers.Added} added, {layers.Removed} removed, {layers.Unchanged} unchanged";

    /// <summary>The layer's position: the candidate's, or the baseline's for a removed layer.</summary>
    public static string Position(LayerChange layer) =>
        (layer.CandidatePosition ?? layer.BaselinePosition)?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary><c>added</c>, <c>removed</c>, <c>unchanged</c>.</summary>
    public static string Change(LayerChange layer) => layer.Change.ToString().ToLowerInvariant();

    /// <summary>A kept layer's own verdict, or a dash.</summary>
    public static string LayerVerdict(LayerChange layer) => layer.Verdict is { } v ? Figures.Word(v) : Figures.Missing;

    /// <summary><c>1.20 s -> 2.40 s (×2.00)</c>.</summary>
    public static string Figure(FigureChange figure, int decimals, string unit) =>
        figure.Baseline is null && figure.Candidate is null
            ? "not measured"
            : $"{With(figure.Baseline, decimals, unit)} -> {With(figure.Candidate, decimals, unit)} ({Figures.Times(figure.Ratio)})";

    private static string With(double? value, int decimals, string unit) =>
        value is null ? Figures.Missing : $"{Figures.Number(value, decimals)} {unit}";

    private static string Level(double level) => $"{Figures.Number(level * 100, 0)} %";
}
