using UnpackBench.Analysis.Comparison;
using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Report.Charts;
using UnpackBench.Report.Html;

namespace UnpackBench.Report.Sections;

/// <summary>The comparison with the baseline, when one was given: verdict, both distributions, layers, resources.</summary>
public sealed class ComparisonSection : IReportSection
{
    /// <inheritdoc />
    public string? Render(ReportInput input)
    {
        if (input.Comparison is not { } c || input.Baseline is not { } baseline)
        {
            return null;
        }

        var word = Figures.Word(c.Verdict);
        var verdict =
            $"<p class=\"verdict verdict-{word}\"><strong>{Markup.Encode(word)}</strong> than the baseline " +
            $"(threshold ±{Markup.Encode(Figures.Number(c.ThresholdPercent, 1))} %): {Markup.Encode(c.Explanation)}.</p>";
        if (c.RunsNeeded is { } needed)
        {
            verdict += Markup.Paragraph($"Runs needed for a verdict: {ComparisonSentences.RunsNeeded(needed)}.");
        }

        var facts = Markup.Facts("Comparison", [
            ("Baseline", ComparisonSentences.Side(c.Baseline, c.Duration.BaselineMedianSeconds)),
            ("Candidate", ComparisonSentences.Side(c.Candidate, c.Duration.CandidateMedianSeconds)),
            ("Ratio of medians", ComparisonSentences.Ratio(c.Duration)),
            ("Rank test", ComparisonSentences.RankTest(c.Duration)),
            ("containerd CPU per run", ComparisonSentences.Figure(c.Resources.CpuSeconds, 2, "s")),
            ("containerd memory peak", ComparisonSentences.Figure(c.Resources.MemoryPeakMb, 1, "MiB")),
            .. c.ForcedDifferences.Select(d => ("Compared despite", d.ToString())),
        ]);
        var chart = ComparisonChart.Render(SuccessfulRuns.Durations(baseline), SuccessfulRuns.Durations(input.Result), c);
        return Markup.Section("comparison", "Compared with the baseline", verdict + facts + (chart?.ToHtml() ?? "") + Layers(c.Layers));
    }

    private static string Layers(LayerComparison layers) => Markup.Table(
        $"Layers by diff ID: {ComparisonSentences.LayerCounts(layers)}",
        ["#", "Change", "Diff ID", "Size", "Baseline median", "Candidate median", "Change", "Layer verdict"],
        layers.Layers.Select(l => (IReadOnlyList<string>)[
            ComparisonSentences.Position(l), ComparisonSentences.Change(l), Figures.ShortDigest(l.DiffId),
            Figures.Megabytes(l.UncompressedBytes ?? l.CompressedBytes), Figures.Seconds(l.BaselineMedianSeconds),
            Figures.Seconds(l.CandidateMedianSeconds),
            Figures.SignedSeconds(l.ChangeSeconds) + (l.DiffId == layers.LargestChange ? " (largest change)" : ""),
            ComparisonSentences.LayerVerdict(l)]),
        "layers");
}
