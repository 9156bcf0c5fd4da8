using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Report.Charts;
using UnpackBench.Report.Html;

namespace UnpackBench.Report.Sections;

/// <summary>With <c>--floor</c>: how close the unpack came to what the machine allows.</summary>
public sealed class FloorsSection : IReportSection
{
    /// <inheritdoc />
    public string? Render(ReportInput input)
    {
        if (input.Result.Floors is not { Layers.Count: > 0 } floors)
        {
            return null;
        }

        var summary = input.Result.Summary;
        var facts = Markup.Facts("Floors (sums over the layers) and the runs against them", [
            ("Decompress floor", Figures.Seconds(floors.DecompressFloorSeconds)),
            ("Decompress + extract floor", Figures.Seconds(floors.ExtractFloorSeconds)),
            ("Efficiency (decompress floor / unpack, median)", Figures.Number(summary.Efficiency, 2)),
            ("Overhead against tar (unpack / extract floor, median)", summary.OverheadVsTar is null ? Figures.Missing : Figures.Times(summary.OverheadVsTar)),
        ]);
        var note = floors.Note is null ? "" : Markup.Paragraph(floors.Note);
        return Markup.Section("floors", "Floors", facts + note + FloorChart.Render(floors, input.Result.Runs).ToHtml());
    }
}
