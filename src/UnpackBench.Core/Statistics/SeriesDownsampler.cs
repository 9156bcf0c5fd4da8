using UnpackBench.Core.Results;

namespace UnpackBench.Core.Statistics;

/// <summary>
/// Shrinks a sampled series to at most N points for the result document while keeping its shape:
/// the series is cut into N buckets of consecutive samples, and each bucket becomes one point at its
/// last sample's time carrying the bucket's maxima, so no peak is ever lost to downsampling.
/// </summary>
public static class SeriesDownsampler
{
    /// <summary>The default cap on points per run.</summary>
    public const int MaxPoints = 200;

    /// <summary>Returns <paramref name="samples"/> unchanged when short enough, else the bucketed series.</summary>
    public static IReadOnlyList<MetricsSample> Downsample(IReadOnlyList<MetricsSample> samples, int maxPoints = MaxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        if (samples.Count <= maxPoints)
        {
            return samples;
        }

        var result = new List<MetricsSample>(maxPoints);
        for (var bucket = 0; bucket < maxPoints; bucket++)
        {
            var from = (int)((long)bucket * samples.Count / maxPoints);
            var to = (int)((long)(bucket + 1) * samples.Count / maxPoints);
            var slice = samples.Skip(from).Take(to - from).ToList();
            result.Add(new MetricsSample
            {
                T = slice[^1].T,
                CpuPercent = slice.Max(s => s.CpuPercent),
                MemoryMb = slice.Max(s => s.MemoryMb),
                Pids = slice.Max(s => s.Pids),
            });
        }

        return result;
    }

    /// <summary>The peaks the original tool reported, from a series.</summary>
    public static PeakMetrics Peaks(IReadOnlyList<MetricsSample> samples) => new()
    {
        CpuPeakPercent = samples.Max(s => s.CpuPercent),
        MemoryPeakMb = samples.Max(s => s.MemoryMb),
        PidPeakCount = samples.Max(s => s.Pids),
    };
}
