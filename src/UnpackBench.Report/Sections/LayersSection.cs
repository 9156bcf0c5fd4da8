using UnpackBench.Report.Charts;
using UnpackBench.Report.Html;

namespace UnpackBench.Report.Sections;

/// <summary>The per-layer waterfall of the median run.</summary>
public sealed class LayersSection : IReportSection
{
    /// <inheritdoc />
    public string? Render(ReportInput input)
    {
        var run = LayerWaterfallChart.MedianRun(input.Result.Runs, input.Result.Summary.MedianDurationSeconds);
        if (run is null)
        {
            return null;
        }

        var intro = Markup.Paragraph(
            $"Run {run.RunId} is the run closest to the median. Each layer is prepared (an active snapshot on its parent), " +
            "applied (decompressed and extracted) and committed, one after the other.");
        return Markup.Section("layers", "Layers", intro + LayerWaterfallChart.Render(run, input.Result.Image).ToHtml());
    }
}
