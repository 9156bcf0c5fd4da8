namespace UnpackBench.Report.Charts;

/// <summary>The numbers a chart shows, as a table: the chart's text alternative.</summary>
/// <param name="Headers">Column headers, with units.</param>
/// <param name="Rows">One row per data point.</param>
public sealed record ChartData(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
