using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Core.Results;
using UnpackBench.Report.Charts;
using UnpackBench.Report.Html;

namespace UnpackBench.Report.Sections;

/// <summary>Every snapshotter × encoding benchmarked, when there was more than one.</summary>
public sealed class VariantsSection : IReportSection
{
    /// <inheritdoc />
    public string? Render(ReportInput input)
    {
        if (input.Result.Variants is not { Count: > 1 } variants)
        {
            return null;
        }

        var intro = Markup.Paragraph(
            "Each variant is the same image unpacked into another snapshotter, or with its layers re-encoded; the speedup is " +
            "median(original) / median(variant) on the same snapshotter, with its 95 % interval (above 1 is faster).");
        var table = Markup.Table(
            "Variants",
            ["Snapshotter", "Encoding", "Status", "Decompressor", "Compressed", "Median", "Throughput", "Speedup", "Pull + unpack", "Error"],
            variants.Select(v => (IReadOnlyList<string>)[
                v.Snapshotter, v.Encoding, v.Status, v.Decompressor ?? Figures.Missing, v.Status == VariantResult.Success ? Figures.Megabytes(v.CompressedBytes) : Figures.Missing,
                Figures.Seconds(v.Summary.MedianDurationSeconds),
                v.Summary.ThroughputMbPerSecond is null ? Figures.Missing : $"{Figures.Number(v.Summary.ThroughputMbPerSecond, 1)} MB/s",
                Speedup(v.Speedup), Figures.Seconds(v.PullPlusUnpackSeconds), v.Error ?? ""]),
            "variants");
        return Markup.Section("variants", "Variants", intro + (VariantChart.Render(variants)?.ToHtml() ?? "") + table);
    }

    private static string Speedup(SpeedupEstimate? speedup) => speedup switch
    {
        null => Figures.Missing,
        { Lower: { } lower, Upper: { } upper } => $"{Figures.Times(speedup.Ratio)} ({Figures.Ratio(lower)}–{Figures.Ratio(upper)})",
        _ => $"{Figures.Times(speedup.Ratio)} (too few runs for an interval)",
    };
}
