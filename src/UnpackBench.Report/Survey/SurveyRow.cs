using System.Globalization;
using UnpackBench.Analysis.Comparison;
using UnpackBench.Analysis.Documents;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;

namespace UnpackBench.Report.Survey;

/// <summary>One node × snapshotter of a survey: its index row, and its runs from the node's document when that was given.</summary>
/// <param name="Row">The row as the index has it.</param>
/// <param name="Document">The node's result document, or null when it was not given.</param>
public sealed record SurveyRow(NodeBenchmarkStatus Row, BenchmarkResult? Document)
{
    /// <summary>The node.</summary>
    public string Node => Row.NodeName ?? "";

    /// <summary>The snapshotter.</summary>
    public string Snapshotter => Row.Snapshotter ?? "";

    /// <summary><c>node-1 · overlayfs</c>.</summary>
    public string Label => $"{Node} · {Snapshotter}";

    /// <summary>Whether the row succeeded.</summary>
    public bool Succeeded => Row.Phase == BenchmarkPhase.Succeeded;

    /// <summary>Median unpack time, seconds.</summary>
    public double? Median => Number(Row.MedianSeconds);

    /// <summary>95th percentile, seconds.</summary>
    public double? P95 => Number(Row.P95Seconds);

    /// <summary>This row's view of its node's document (its snapshotter's variant), or null.</summary>
    public BenchmarkResult? View => Document is null ? null : SnapshotterDocument.Of(Document, Snapshotter);

    /// <summary>Each successful run's duration, seconds, from the node's document (empty without it).</summary>
    public IReadOnlyList<double> Runs => View is { } view ? SuccessfulRuns.Durations(view) : [];

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
