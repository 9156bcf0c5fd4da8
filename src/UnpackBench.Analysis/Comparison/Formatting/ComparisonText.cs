using System.Text;

namespace UnpackBench.Analysis.Comparison.Formatting;

/// <summary>The comparison for a terminal: the verdict first, then the numbers behind it, the layers and the resources.</summary>
public static class ComparisonText
{
    /// <summary>Formats <paramref name="comparison"/> as aligned plain text.</summary>
    public static string Format(ResultComparison comparison)
    {
        var text = new StringBuilder();
        var d = comparison.Duration;
        text.AppendLine($"Unpack time: {Figures.Word(comparison.Verdict).ToUpperInvariant()} (threshold ±{Figures.Number(comparison.ThresholdPercent, 1)} %)");
        text.AppendLine($"  {comparison.Explanation}");
        if (comparison.RunsNeeded is { } needed)
        {
            text.AppendLine($"  runs needed: {ComparisonSentences.RunsNeeded(needed)}");
        }

        text.AppendLine();
        text.AppendLine($"  baseline   {ComparisonSentences.Side(comparison.Baseline, d.BaselineMedianSeconds)}");
        text.AppendLine($"  candidate  {ComparisonSentences.Side(comparison.Candidate, d.CandidateMedianSeconds)}");
        text.AppendLine($"  ratio      {ComparisonSentences.Ratio(d)}");
        text.AppendLine($"  rank test  {ComparisonSentences.RankTest(d)}");
        foreach (var difference in comparison.ForcedDifferences)
        {
            text.AppendLine($"  forced     {difference}");
        }

        AppendLayers(text, comparison.Layers);
        AppendResources(text, comparison.Resources);
        return text.ToString();
    }

    private static void AppendLayers(StringBuilder text, LayerComparison layers)
    {
        text.AppendLine();
        text.AppendLine($"Layers: {ComparisonSentences.LayerCounts(layers)}");
        text.AppendLine($"  {"#",-3} {"change",-10} {"diff id",-19} {"size",10} {"baseline",10} {"candidate",10} {"change",10}  layer verdict");
        foreach (var layer in layers.Layers)
        {
            var mark = layer.DiffId == layers.LargestChange ? "  <- largest change" : "";
            text.AppendLine(
                $"  {ComparisonSentences.Position(layer),-3} {ComparisonSentences.Change(layer),-10} {Figures.ShortDigest(layer.DiffId),-19} " +
                $"{Figures.Megabytes(layer.UncompressedBytes ?? layer.CompressedBytes),10} {Figures.Seconds(layer.BaselineMedianSeconds),10} " +
                $"{Figures.Seconds(layer.CandidateMedianSeconds),10} {Figures.SignedSeconds(layer.ChangeSeconds),10}  {ComparisonSentences.LayerVerdict(layer)}{mark}");
        }
    }

    private static void AppendResources(StringBuilder text, ResourceComparison resources)
    {
        text.AppendLine();
        text.AppendLine("Resources (median per run): baseline -> candidate");
        text.AppendLine($"  CPU          {ComparisonSentences.Figure(resources.CpuSeconds, 2, "s")}");
        text.AppendLine($"  memory peak  {ComparisonSentences.Figure(resources.MemoryPeakMb, 1, "MiB")}");
    }
}
