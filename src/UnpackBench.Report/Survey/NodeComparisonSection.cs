using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Report.Charts;
using UnpackBench.Report.Html;

namespace UnpackBench.Report.Survey;

/// <summary>Every node × snapshotter that succeeded, compared: the chart, then the table with what each node is.</summary>
public sealed class NodeComparisonSection : ISurveyReportSection
{
    /// <inheritdoc />
    public string? Render(SurveyReportInput input)
    {
        var timed = input.Timed;
        if (timed.Count == 0)
        {
            return null;
        }

        var intro = Markup.Paragraph(
            "Each row is one node unpacking into one snapshotter, fastest first; the bar is its median, the line reaches its 95th percentile, " +
            "and ×fastest is its median over the fastest row's. The node's CPU, memory and filesystem come from its result document.");
        var fastest = timed[0].Median!.Value;
        var table = Markup.Table(
            "Nodes compared",
            ["Node", "Snapshotter", "Instance type", "Zone", "Machine", "Kernel", "containerd", "Median", "p95", "×fastest", "Throughput", "CPU per run", "Memory peak"],
            timed.Select(r => (IReadOnlyList<string>)[
                r.Node, r.Snapshotter, r.Row.InstanceType ?? Figures.Missing, r.Row.Zone ?? Figures.Missing, Machine(r),
                r.Row.Kernel ?? Figures.Missing, r.Row.ContainerdVersion ?? Figures.Missing, Figures.Seconds(r.Median), Figures.Seconds(r.P95),
                Figures.Times(r.Median / fastest), r.Row.ThroughputMBps is null ? Figures.Missing : $"{r.Row.ThroughputMBps} MB/s",
                r.Row.CpuSeconds is null ? Figures.Missing : $"{r.Row.CpuSeconds} s", r.Row.MemoryPeakMB is null ? Figures.Missing : $"{r.Row.MemoryPeakMB} MiB"]),
            "nodes");
        return Markup.Section("nodes", "Nodes compared", intro + (NodeComparisonChart.Render(timed)?.ToHtml() ?? "") + table);
    }

    private static string Machine(SurveyRow row) => row.Document?.Environment is { } e
        ? $"{e.CpuCount} × {e.CpuModel}, {Figures.Number(e.MemoryMb, 0)} MiB, {e.RootFilesystem}"
        : Figures.Missing;
}
