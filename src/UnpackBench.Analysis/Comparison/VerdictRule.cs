using System.Globalization;
using UnpackBench.Analysis.Statistics;

namespace UnpackBench.Analysis.Comparison;

/// <summary>
/// Turns the ratio of medians and its interval into a verdict, for a threshold t:
/// <list type="bullet">
/// <item><c>slower</c> when the whole interval lies above 1 + t,</item>
/// <item><c>faster</c> when the whole interval lies below 1 − t,</item>
/// <item><c>same</c> when the whole interval lies inside [1 − t, 1 + t],</item>
/// <item><c>inconclusive</c> otherwise: too few runs for an interval, or an interval that straddles 1 + t or 1 − t.</item>
/// </list>
/// A verdict is thus only given with 95 % confidence; a change that is real but may be smaller than
/// the threshold is inconclusive, never <c>slower</c>.
/// </summary>
public static class VerdictRule
{
    /// <summary>Decides for <paramref name="estimate"/> (null when a side has no successful run).</summary>
    public static VerdictDecision Decide(RatioInterval? estimate, int baselineRuns, int candidateRuns, double threshold)
    {
        if (estimate is null)
        {
            var minimum = MedianRatio.MinimumRunsPerSample(1 - ComparisonOptions.ConfidenceLevel);
            return Inconclusive(
                "one of the benchmarks has no successful run",
                new RunsNeeded(minimum, $"at least {minimum} successful runs per benchmark give a 95 % interval"));
        }

        if (estimate.Lower is not { } lower || estimate.Upper is not { } upper)
        {
            return Inconclusive(
                $"{baselineRuns} and {candidateRuns} runs are too few for a {Percent(estimate.ConfidenceLevel)} interval",
                new RunsNeeded(estimate.MinimumRunsPerSample, $"at least {estimate.MinimumRunsPerSample} successful runs per benchmark give a {Percent(estimate.ConfidenceLevel)} interval"));
        }

        var (high, low) = (1 + threshold, 1 - threshold);
        var interval = $"the {Percent(estimate.ConfidenceLevel)} interval of the ratio, {Number(lower)}–{Number(upper)},";
        if (lower > high)
        {
            return new VerdictDecision(ComparisonVerdict.Slower, $"{interval} lies wholly above {Number(high)}", null);
        }

        if (upper < low)
        {
            return new VerdictDecision(ComparisonVerdict.Faster, $"{interval} lies wholly below {Number(low)}", null);
        }

        if (lower >= low && upper <= high)
        {
            return new VerdictDecision(ComparisonVerdict.Same, $"{interval} lies within {Number(low)}–{Number(high)}", null);
        }

        return Inconclusive($"{interval} straddles {(upper > high ? Number(high) : Number(low))}", Estimate(lower, upper, baselineRuns, candidateRuns, threshold));
    }

    // The interval's width shrinks roughly with sqrt(1/m + 1/n) when further runs scatter as these did;
    // a verdict needs its half-width (in log ratio) below the distance from its centre to the nearest bound.
    private static RunsNeeded Estimate(double lower, double upper, int m, int n, double threshold)
    {
        var (centre, half) = ((Math.Log(upper) + Math.Log(lower)) / 2, (Math.Log(upper) - Math.Log(lower)) / 2);
        var (high, low) = (Math.Log(1 + threshold), Math.Log(1 - threshold));
        var distance = centre > high ? centre - high : centre < low ? low - centre : Math.Min(centre - low, high - centre);
        if (distance <= 1e-9)
        {
            return new RunsNeeded(null, "the ratio sits on a threshold bound, so more runs would not settle it; the change is about the size of the threshold");
        }

        var needed = 2 / (Math.Pow(distance / half, 2) * ((1.0 / m) + (1.0 / n)));
        var perSample = Math.Max((int)Math.Ceiling(needed), Math.Max(m, n) + 1);
        return new RunsNeeded(perSample, "estimated from the interval's width, assuming further runs scatter as these did");
    }

    private static VerdictDecision Inconclusive(string explanation, RunsNeeded runsNeeded) =>
        new(ComparisonVerdict.Inconclusive, explanation, runsNeeded);

    private static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Percent(double level) => (level * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
