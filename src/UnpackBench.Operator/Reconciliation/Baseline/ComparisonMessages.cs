using System.Globalization;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation.Baseline;

/// <summary>The sentences of the <see cref="RegressedCondition"/>: the verdict with its figures, or what keeps a comparison from being made.</summary>
public static class ComparisonMessages
{
    /// <summary><c>UnpackBenchmark python-prod (generation 2)</c> or <c>ConfigMap python-baseline</c>.</summary>
    public static string Describe(BaselineReferenceStatus baseline) => baseline.Generation is { } generation
        ? string.Create(CultureInfo.InvariantCulture, $"{baseline.Kind} {baseline.Name} (generation {generation})")
        : $"{baseline.Kind} {baseline.Name}";

    /// <summary>Why no row could be compared: the fields that differ on the first, and what to do.</summary>
    public static string NotComparable(BaselineReferenceStatus baseline, RowComparison refused) =>
        $"{Describe(baseline)} measured another setup than this benchmark{Where(refused)}: {string.Join("; ", refused.Differences)}. " +
        (refused.Forceable
            ? "Benchmark both on the same node and setup (spec.nodeName, snapshotter, cache), or set spec.baseline.force: true to compare them anyway"
            : "Documents of different schema versions are never compared");

    /// <summary>The verdict with the deciding row's figures, the other rows counted, and what was forced past or left unchecked.</summary>
    public static string Verdict(BaselineReferenceStatus baseline, BenchmarkBaseline spec, BenchmarkComparisonStatus status, IReadOnlyList<RowComparison> compared, int notComparable)
    {
        var threshold = ComparisonSummarizer.Threshold(spec);
        var head = status.Verdict switch
        {
            ComparisonVerdicts.Slower => $"slower than {Describe(baseline)} beyond the {threshold} % threshold",
            ComparisonVerdicts.Faster => $"faster than {Describe(baseline)} beyond the {threshold} % threshold",
            ComparisonVerdicts.Same => $"the same as {Describe(baseline)} within the {threshold} % threshold",
            _ => $"no verdict against {Describe(baseline)} at the {threshold} % threshold",
        };
        var parts = new List<string> { $"{head}: median {status.MedianSeconds ?? "–"} s against {status.BaselineMedianSeconds ?? "–"} s, ratio {status.Ratio ?? "–"}; {status.Explanation}" };
        if (status.RunsNeeded is { } runs)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"about {runs} successful runs per benchmark would settle it"));
        }

        if (compared.Count > 1 || notComparable > 0)
        {
            parts.Add($"{Counts(compared)} of {compared.Count} rows compared, deciding row {status.NodeName} ({status.Snapshotter})");
        }

        if (notComparable > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{notComparable} rows not comparable (status.comparison.rows says why)"));
        }

        if (status.Differences.Count > 0)
        {
            parts.Add($"compared although {string.Join("; ", status.Differences)} (spec.baseline.force)");
        }

        if (status.UncheckedFields.Count > 0)
        {
            parts.Add($"not checked, as a partial document does not record them: {string.Join(", ", status.UncheckedFields)}");
        }

        return string.Join("; ", parts);
    }

    private static string Counts(IReadOnlyList<RowComparison> compared) => string.Join(", ", compared
        .GroupBy(r => r.Comparison!.Verdict)
        .OrderBy(g => g.Key)
        .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}")));

    private static string Where(RowComparison row) => row.Node is null ? $" ({row.Snapshotter})" : $" ({row.Node}, {row.Snapshotter})";
}
