using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace UnpackBench.Analysis.Statistics;

/// <summary>
/// Detects drift: whether a series of runs gets steadily slower (or faster) with the run index.
/// Spearman's rho comes from MathNet.Numerics. Its p-value is exact up to
/// <see cref="ExactLimit"/> runs — every ordering of the ranks enumerated, since the usual t
/// approximation is poor for the 3–10 runs a benchmark has — and the t approximation above.
/// The slope is MathNet's least-squares line.
/// </summary>
public static class TrendTest
{
    /// <summary>Series up to this length get an exact p-value (10! orderings).</summary>
    public const int ExactLimit = 10;

    /// <summary>Tests <paramref name="series"/> (in run order) for a monotonic trend; needs at least 3 values.</summary>
    public static TrendResult Spearman(IReadOnlyList<double> series)
    {
        if (series.Count < 3)
        {
            throw new ArgumentException("a trend needs at least 3 runs", nameof(series));
        }

        if (series.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("values must be finite", nameof(series));
        }

        var index = Enumerable.Range(1, series.Count).Select(i => (double)i).ToArray();
        var values = series.ToArray();
        var rho = Correlation.Spearman(index, values);
        var slope = Fit.Line(index, values).B;
        if (double.IsNaN(rho))
        {
            return new TrendResult(0, 1, slope, Exact: true); // every value equal: no trend at all
        }

        return series.Count <= ExactLimit
            ? new TrendResult(rho, ExactPValue(values), slope, Exact: true)
            : new TrendResult(rho, ApproximatePValue(rho, series.Count), slope, Exact: false);
    }

    // Under "no trend" every assignment of the observed ranks to run positions is equally likely.
    // rho is linear in Σ position·rank, so |rho| ≥ observed ⇔ |Σ − E| ≥ observed's.
    private static double ExactPValue(double[] values)
    {
        var ranks = MathNet.Numerics.Statistics.Statistics.Ranks(values);
        var n = ranks.Length;
        var expected = (n + 1) / 2.0 * ranks.Sum();
        var observed = Math.Abs(Score(ranks) - expected) - 1e-9;
        long extreme = 0, total = 0;
        foreach (var permutation in Permutations(ranks))
        {
            total++;
            if (Math.Abs(Score(permutation) - expected) >= observed)
            {
                extreme++;
            }
        }

        return (double)extreme / total;
    }

    private static double ApproximatePValue(double rho, int n)
    {
        if (Math.Abs(rho) >= 1)
        {
            return 0;
        }

        var t = rho * Math.Sqrt((n - 2) / (1 - (rho * rho)));
        return 2 * (1 - StudentT.CDF(0, 1, n - 2, Math.Abs(t)));
    }

    private static double Score(double[] ranks)
    {
        var sum = 0.0;
        for (var i = 0; i < ranks.Length; i++)
        {
            sum += (i + 1) * ranks[i];
        }

        return sum;
    }

    // Heap's algorithm: every ordering once, in place.
    private static IEnumerable<double[]> Permutations(double[] source)
    {
        var items = (double[])source.Clone();
        var counters = new int[items.Length];
        yield return items;
        var i = 0;
        while (i < items.Length)
        {
            if (counters[i] < i)
            {
                var swap = i % 2 == 0 ? 0 : counters[i];
                (items[swap], items[i]) = (items[i], items[swap]);
                yield return items;
                counters[i]++;
                i = 0;
            }
            else
            {
                counters[i] = 0;
                i++;
            }
        }
    }
}
