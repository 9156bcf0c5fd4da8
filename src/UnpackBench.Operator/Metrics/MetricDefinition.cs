namespace UnpackBench.Operator.Metrics;

/// <summary>One metric the operator exports: the dashboard and the tests read names, kinds and labels from here.</summary>
/// <param name="Name">The metric's name.</param>
/// <param name="Help">Its help text.</param>
/// <param name="Kind">Gauge, Counter or Histogram.</param>
/// <param name="Labels">Its label names.</param>
public sealed record MetricDefinition(string Name, string Help, MetricKind Kind, IReadOnlyList<string> Labels);

/// <summary>The kinds of metric the operator exports.</summary>
public enum MetricKind
{
    /// <summary>A value that goes up and down.</summary>
    Gauge,

    /// <summary>A count that only goes up.</summary>
    Counter,

    /// <summary>Observations in buckets (exported as _bucket, _sum and _count).</summary>
    Histogram,
}
