using UnpackBench.Analysis.Statistics;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Findings;

/// <summary>
/// Compares a what-if variant with the original encoding on the same snapshotter: the speedup as the
/// ratio of medians with a distribution-free 95 % interval (<see cref="MedianRatio"/>), and the estimate
/// of pull + unpack: compressed bytes over the link plus the median unpack.
/// </summary>
internal static class VariantComparison
{
    /// <summary>The confidence level of every speedup interval.</summary>
    public const double ConfidenceLevel = 0.95;

    /// <summary>median(original) / median(variant) with its interval; null unless both have successful runs.</summary>
    public static SpeedupEstimate? Speedup(IReadOnlyList<RunResult> original, IReadOnlyList<RunResult> variant)
    {
        var baseline = Durations(original);
        var candidate = Durations(variant);
        if (baseline.Count == 0 || candidate.Count == 0)
        {
            return null;
        }

        // MedianRatio gives median(candidate) / median(baseline); a speedup is the original's time over the variant's.
        var interval = MedianRatio.Estimate(candidate, baseline, ConfidenceLevel);
        return new SpeedupEstimate { Ratio = interval.Ratio, Lower = interval.Lower, Upper = interval.Upper, ConfidenceLevel = ConfidenceLevel };
    }

    /// <summary>Seconds to move <paramref name="compressedBytes"/> over a <paramref name="linkMbps"/> Mbit/s link, plus the median unpack; null without a median.</summary>
    public static double? PullPlusUnpack(long compressedBytes, int linkMbps, double? medianUnpackSeconds) =>
        medianUnpackSeconds is { } median ? (compressedBytes * 8.0 / (linkMbps * 1_000_000.0)) + median : null;

    private static List<double> Durations(IEnumerable<RunResult> runs) =>
        runs.Where(r => r.Status == RunResult.Success && r.DurationSeconds is > 0).Select(r => r.DurationSeconds!.Value).ToList();
}
