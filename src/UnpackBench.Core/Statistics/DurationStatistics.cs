namespace UnpackBench.Core.Statistics;

/// <summary>
/// Descriptive statistics of a set of durations in seconds. Percentiles interpolate linearly between
/// the closest ranks (the method spreadsheets and numpy use by default), so the median of an even
/// count is the mean of the middle two. Standard deviation is the sample one (n − 1), undefined below two values.
/// </summary>
public sealed record DurationStatistics(int Count, double Mean, double Min, double Max, double Median, double P95, double? StdDev)
{
    /// <summary>Coefficient of variation, stddev / mean: how noisy the runs were, independent of scale.</summary>
    public double? Cv => StdDev is { } s && Mean > 0 ? s / Mean : null;

    /// <summary>Computes the statistics; returns null for an empty set so callers cannot report zeros as if measured.</summary>
    public static DurationStatistics? Compute(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Any(v => double.IsNaN(v) || double.IsInfinity(v) || v < 0))
        {
            throw new ArgumentException("durations must be finite and non-negative", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var mean = sorted.Average();
        double? stdDev = sorted.Length < 2
            ? null
            : Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / (sorted.Length - 1));
        return new DurationStatistics(sorted.Length, mean, sorted[0], sorted[^1], Percentile(sorted, 0.5), Percentile(sorted, 0.95), stdDev);
    }

    /// <summary>The <paramref name="fraction"/> quantile (0–1) of already sorted values, linearly interpolated.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("no values", nameof(sorted));
        }

        var rank = fraction * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
    }
}
