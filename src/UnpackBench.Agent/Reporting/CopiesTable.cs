using System.Globalization;
using Spectre.Console;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Reporting;

/// <summary>With <c>--concurrency N</c>, the copies of each run side by side: every copy's own time, the wall time and the aggregate throughput.</summary>
internal static class CopiesTable
{
    /// <summary>One row per run; null when no run had several copies.</summary>
    public static Table? Build(IReadOnlyList<RunResult> runs)
    {
        var copies = runs.Select(r => r.Copies?.Count ?? 0).DefaultIfEmpty(0).Max();
        if (copies < 2)
        {
            return null;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Copies[/] (seconds each copy took, all started together)");
        table.AddColumn("Run");
        table.AddColumns(Enumerable.Range(1, copies).Select(c => $"Copy {c.ToString(CultureInfo.InvariantCulture)}").ToArray());
        table.AddColumns("Wall (s)", "Aggregate MB/s");
        foreach (var run in runs)
        {
            var cells = new List<string> { run.RunId.ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(Enumerable.Range(0, copies).Select(i => SummaryTable.Format(run.Copies?.ElementAtOrDefault(i)?.DurationSeconds, "0.000")));
            cells.Add(SummaryTable.Format(run.DurationSeconds, "0.000"));
            cells.Add(SummaryTable.Format(run.ThroughputMbPerSecond, "0.0"));
            table.AddRow(cells.ToArray());
        }

        return table;
    }
}
