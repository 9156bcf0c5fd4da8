using UnpackBench.Report.Charts;
using UnpackBench.Report.Html;

namespace UnpackBench.Report.Sections;

/// <summary>containerd's CPU, memory and PIDs over each run, from the sampled series; absent when nothing was sampled.</summary>
public sealed class ResourcesSection : IReportSection
{
    /// <inheritdoc />
    public string? Render(ReportInput input)
    {
        var charts = new[] { ResourceSeriesChart.Cpu, ResourceSeriesChart.Memory, ResourceSeriesChart.Pids }
            .Select(figure => ResourceSeriesChart.Render(input.Result.Runs, figure))
            .OfType<ChartFigure>()
            .ToList();
        if (charts.Count == 0)
        {
            return null;
        }

        var source = input.Result.BenchmarkConfig.StatsSource;
        var intro = Markup.Paragraph(
            $"Sampled every {input.Result.BenchmarkConfig.SampleIntervalMs} ms from {source}: containerd and what it spawns (unpigz), never the agent.");
        return Markup.Section("resources", "Resources over time", intro + string.Concat(charts.Select(c => c.ToHtml())));
    }
}
