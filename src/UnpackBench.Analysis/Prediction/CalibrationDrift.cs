using System.Globalization;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Analysis.Prediction;

/// <summary>
/// Judges whether a node's costs held still during its calibration, from one image measured several
/// times across it. In four calibrations of a quiet 2-core VM the same image's time moved by 6–11 %
/// across the calibration; in another the cost per file tripled part-way (on ext4 without a journal, where
/// it depends on the files deleted minutes before), and every prediction from it was 1.8–2.4× too slow.
/// </summary>
public static class CalibrationDrift
{
    /// <summary>The largest slowest-over-fastest ratio taken as stable.</summary>
    public const double MaxRatio = 1.25;

    /// <summary>The stability of a calibration in which <paramref name="case"/> took <paramref name="seconds"/> (at least two times, all positive).</summary>
    /// <exception cref="ArgumentException">Fewer than two times, or one not positive.</exception>
    public static CalibrationStability Assess(string @case, IReadOnlyList<double> seconds)
    {
        if (seconds.Count < 2 || seconds.Any(s => !(s > 0) || !double.IsFinite(s)))
        {
            throw new ArgumentException($"a drift check needs at least two positive times of {@case}; got [{string.Join(", ", seconds)}]", nameof(seconds));
        }

        var ratio = seconds.Max() / seconds.Min();
        return new CalibrationStability { Case = @case, Seconds = seconds, Ratio = ratio, MaxRatio = MaxRatio, Stable = ratio <= MaxRatio };
    }

    /// <summary>What the check measured, e.g. "files-4000 took 0.285, 0.290 and 0.288 s (1.02×)".</summary>
    public static string Describe(CalibrationStability stability)
    {
        var times = stability.Seconds.Select(s => s.ToString("F3", CultureInfo.InvariantCulture)).ToList();
        var list = times.Count == 2 ? $"{times[0]} and {times[1]}" : $"{string.Join(", ", times.SkipLast(1))} and {times[^1]}";
        return string.Create(CultureInfo.InvariantCulture, $"calibration image {stability.Case} took {list} s across the calibration ({stability.Ratio:F2}×)");
    }

    /// <summary>The warning for an unstable calibration: what moved, and what to do.</summary>
    public static string Warning(CalibrationStability stability) => string.Create(
        CultureInfo.InvariantCulture,
        $"the node's costs drifted while it was calibrated: {Describe(stability)}, more than the {stability.MaxRatio:F2}× a stable node stays within; predictions from it are unreliable — calibrate again when the node is quiet");
}
