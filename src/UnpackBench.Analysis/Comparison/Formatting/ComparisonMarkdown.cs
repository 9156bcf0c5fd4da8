using System.Text;

namespace UnpackBench.Analysis.Comparison.Formatting;

/// <summary>
/// The comparison as GitHub-flavoured markdown, for a CI job summary: a headline verdict, the
/// statistics, a layer table and a resource table.
/// </summary>
public static class ComparisonMarkdown
{
    /// <summary>Formats <paramref name="comparison"/> as markdown.</summary>
    public static string Format(ResultComparison comparison)
    {
        var md = new StringBuilder();
        var d = comparison.Duration;
        md.AppendLine($"### Unpack time: **{Figures.Word(comparison.Verdict)}** (threshold ±{Figures.Number(comparison.ThresholdPercent, 1)} %)");
        md.AppendLine();
        md.AppendLine(Escape(Capitalized(comparison.Explanation)) + ".");
        if (comparison.RunsNeeded is { } needed)
        {
            md.AppendLine();
            md.AppendLine($"Runs needed for a verdict: {Escape(ComparisonSentences.RunsNeeded(needed))}.");
        }

        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("| --- | --- |");
        md.AppendLine($"| Baseline | {Escape(ComparisonSentences.Side(comparison.Baseline, d.BaselineMedianSeconds))} |");
        md.AppendLine($"| Candidate | {Escape(ComparisonSentences.Side(comparison.Candidate, d.CandidateMedianSeconds))} |");
        md.AppendLine($"| Ratio of medians | {Escape(ComparisonSentences.Ratio(d))} |");
        md.AppendLine($"| Rank test | {Escape(ComparisonSentences.RankTest(d))} |");
        foreach (var difference in comparison.ForcedDifferences)
        {
            md.AppendLine($"| Forced despite | {Escape(difference.ToString())} |");
        }

        AppendLayers(md, comparison.Layers);
        AppendResources(md, comparison.Resources);
        return md.ToString();
    }

    private static void AppendLayers(StringBuilder md, LayerComparison layers)
    {
        md.AppendLine();
        md.AppendLine($"#### Layers: {ComparisonSentences.LayerCounts(layers)}");
        md.AppendLine();
        md.AppendLine("| # | Change | Diff ID | Size | Baseline | Candidate | Change | Layer verdict |");
        md.AppendLine("| ---: | --- | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var layer in layers.Layers)
        {
            var largest = layer.DiffId == layers.LargestChange;
            var change = Figures.SignedSeconds(layer.ChangeSeconds);
            md.AppendLine(
                $"| {ComparisonSentences.Position(layer)} | {ComparisonSentences.Change(layer)} | `{Figures.ShortDigest(layer.DiffId)}` | " +
                $"{Figures.Megabytes(layer.UncompressedBytes ?? layer.CompressedBytes)} | {Figures.Seconds(layer.BaselineMedianSeconds)} | " +
                $"{Figures.Seconds(layer.CandidateMedianSeconds)} | {(largest ? $"**{change}** (largest)" : change)} | {ComparisonSentences.LayerVerdict(layer)} |");
        }
    }

    private static void AppendResources(StringBuilder md, ResourceComparison resources)
    {
        md.AppendLine();
        md.AppendLine("#### Resources (median per run)");
        md.AppendLine();
        md.AppendLine("| Figure | Baseline → candidate |");
        md.AppendLine("| --- | --- |");
        md.AppendLine($"| containerd CPU | {Escape(ComparisonSentences.Figure(resources.CpuSeconds, 2, "s"))} |");
        md.AppendLine($"| containerd memory peak | {Escape(ComparisonSentences.Figure(resources.MemoryPeakMb, 1, "MiB"))} |");
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // Table cells end at a pipe; image references and node names may contain other markdown, shown literally.
    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
