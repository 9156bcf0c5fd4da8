using System.Globalization;
using Prometheus;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Metrics;

/// <summary>
/// Gauges of each benchmark's comparison with its baseline, from its status: the ratio of medians with
/// its interval, and whether it regressed. One series per benchmark with a comparison that reached a
/// verdict; it goes when the benchmark does, or when a new comparison has none yet.
/// </summary>
public sealed class ComparisonMetrics
{
    private static readonly string[] Labels = ["namespace", "name", "baseline"];
    private readonly Dictionary<string, string[]> _published = [];
    private readonly Gauge _ratio;
    private readonly Gauge _lower;
    private readonly Gauge _upper;
    private readonly Gauge _regressed;

    /// <summary>This benchmark's median / the baseline's (of the deciding row).</summary>
    public static readonly MetricDefinition Ratio = new("unpackbench_comparison_ratio", "Median unpack time over the baseline's median: above 1 is slower.", MetricKind.Gauge, Labels);

    /// <summary>Lower bound of the ratio's 95 % interval.</summary>
    public static readonly MetricDefinition RatioLower = new("unpackbench_comparison_ratio_lower", "Lower bound of the 95 % interval of the ratio of medians.", MetricKind.Gauge, Labels);

    /// <summary>Upper bound of the ratio's 95 % interval.</summary>
    public static readonly MetricDefinition RatioUpper = new("unpackbench_comparison_ratio_upper", "Upper bound of the 95 % interval of the ratio of medians.", MetricKind.Gauge, Labels);

    /// <summary>1 when slower than the baseline beyond the threshold, else 0.</summary>
    public static readonly MetricDefinition Regressed = new("unpackbench_comparison_regressed", "1 when the benchmark unpacks slower than its baseline beyond the threshold with 95 % confidence, else 0.", MetricKind.Gauge, Labels);

    /// <summary>Every metric of this class.</summary>
    public static IReadOnlyList<MetricDefinition> Definitions { get; } = [Ratio, RatioLower, RatioUpper, Regressed];

    /// <summary>Creates the gauges with <paramref name="factory"/>.</summary>
    public ComparisonMetrics(IMetricFactory factory)
    {
        Gauge Gauge(MetricDefinition d) => factory.CreateGauge(d.Name, d.Help, [.. d.Labels]);
        _ratio = Gauge(Ratio);
        _lower = Gauge(RatioLower);
        _upper = Gauge(RatioUpper);
        _regressed = Gauge(Regressed);
    }

    /// <summary>Replaces the benchmark's series with those of its status (caller holds the lock).</summary>
    public void Set(string key, V1Alpha1UnpackBenchmark benchmark)
    {
        Remove(key);
        if (benchmark.Status?.Comparison is not { Verdict: not ComparisonVerdicts.NotComparable } comparison)
        {
            return;
        }

        string[] labels = [benchmark.Metadata.NamespaceProperty ?? "", benchmark.Metadata.Name, comparison.Baseline.Name];
        _published[key] = labels;
        Publish(_ratio, labels, comparison.Ratio);
        Publish(_lower, labels, comparison.Lower);
        Publish(_upper, labels, comparison.Upper);
        _regressed.WithLabels(labels).Set(comparison.Verdict == ComparisonVerdicts.Slower ? 1 : 0);
    }

    /// <summary>Removes the benchmark's series (caller holds the lock).</summary>
    public void Remove(string key)
    {
        if (_published.Remove(key, out var labels))
        {
            foreach (var gauge in new[] { _ratio, _lower, _upper, _regressed })
            {
                gauge.RemoveLabelled(labels);
            }
        }
    }

    private static void Publish(Gauge gauge, string[] labels, string? value)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            gauge.WithLabels(labels).Set(number);
        }
    }
}
