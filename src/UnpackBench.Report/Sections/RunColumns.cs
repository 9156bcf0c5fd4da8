using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Core.Results;

namespace UnpackBench.Report.Sections;

/// <summary>The runs table's columns; a column whose figure no run has is left out.</summary>
public static class RunColumns
{
    private static readonly (string Header, Func<RunResult, bool> Has, Func<RunResult, string> Cell)[] All =
    [
        ("Run", _ => true, r => $"{r.RunId}"),
        ("Status", _ => true, r => r.Status),
        ("Unpack time", _ => true, r => Figures.Seconds(r.DurationSeconds)),
        ("Sync after", r => r.SyncSeconds is not null, r => Figures.Seconds(r.SyncSeconds)),
        ("Copies", r => r.Copies is not null, r => r.Copies is null ? Figures.Missing : $"{r.Copies.Count} ({Figures.Number(r.ThroughputMbPerSecond, 1)} MB/s in all)"),
        ("Clear before", r => r.ClearSeconds is not null, r => Figures.Seconds(r.ClearSeconds)),
        ("Dirty at start", r => r.CacheState?.DirtyMb is not null, r => Mib(r.CacheState?.DirtyMb)),
        ("Page cache at start", r => r.CacheState?.CachedMb is not null, r => Mib(r.CacheState?.CachedMb)),
        ("containerd CPU", r => r.Metrics?.CpuSeconds is not null, r => Figures.Seconds(r.Metrics?.CpuSeconds)),
        ("CPU peak", r => r.PeakMetrics.CpuPeakPercent is not null, r => r.PeakMetrics.CpuPeakPercent is null ? Figures.Missing : $"{Figures.Number(r.PeakMetrics.CpuPeakPercent, 0)} %"),
        ("Memory peak", r => r.PeakMetrics.MemoryPeakMb is not null, r => Mib(r.PeakMetrics.MemoryPeakMb)),
        ("PIDs peak", r => r.PeakMetrics.PidPeakCount is not null, r => Figures.Number(r.PeakMetrics.PidPeakCount, 0)),
        ("Efficiency", r => r.Efficiency is not null, r => Figures.Number(r.Efficiency, 2)),
        ("Error", r => r.Error is not null, r => r.Error ?? ""),
    ];

    /// <summary>The headers and rows for <paramref name="runs"/>.</summary>
    public static (IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<string>> Rows) For(IReadOnlyList<RunResult> runs)
    {
        var columns = All.Where(c => runs.Any(c.Has)).ToList();
        return ([.. columns.Select(c => c.Header)], runs.Select(r => (IReadOnlyList<string>)[.. columns.Select(c => c.Cell(r))]));
    }

    private static string Mib(double? value) => value is null ? Figures.Missing : $"{Figures.Number(value, 1)} MiB";
}
