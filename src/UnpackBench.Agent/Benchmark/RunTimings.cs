using System.Diagnostics;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Unpack;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Benchmark;

/// <summary>Converts an unpack's clock readings into the result document's seconds.</summary>
internal static class RunTimings
{
    /// <summary>Seconds per stopwatch tick.</summary>
    public static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    /// <summary>Per-layer timings, each the consecutive readings of one clock.</summary>
    public static IReadOnlyList<LayerTiming> Layers(AcquiredImage image, UnpackOutcome outcome) =>
        outcome.Layers.Select(l => new LayerTiming
        {
            Digest = image.Layers[l.Index].Digest.ToString(),
            DurationSeconds = Seconds(l.Total),
            PrepareSeconds = Seconds(l.PrepareEnd - l.Start),
            ApplySeconds = Seconds(l.ApplyEnd - l.PrepareEnd),
            CommitSeconds = Seconds(l.CommitEnd - l.ApplyEnd),
        }).ToList();

    /// <summary>Each copy's own time and layers; null for a run of a single copy.</summary>
    public static IReadOnlyList<CopyResult>? Copies(AcquiredImage image, ConcurrentOutcome outcome) =>
        outcome.Copies.Count == 1
            ? null
            : outcome.Copies.Select((copy, i) => new CopyResult
            {
                Copy = i + 1,
                DurationSeconds = copy.Error is null ? Seconds(copy.TotalTicks) : null,
                Layers = Layers(image, copy),
            }).ToList();
}
