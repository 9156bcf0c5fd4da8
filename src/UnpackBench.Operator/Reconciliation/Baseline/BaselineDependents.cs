using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation.Baseline;

/// <summary>
/// The benchmarks whose comparison a change of a benchmark can move: those in its namespace that name it
/// as their baseline and have succeeded (one still running compares when it ends, reading the baseline
/// then). Waking them when the baseline is created, finishes, re-runs or goes is what re-compares them.
/// </summary>
public static class BaselineDependents
{
    /// <summary>The benchmarks among <paramref name="all"/> to reconcile after <paramref name="changed"/> changed.</summary>
    public static IEnumerable<V1Alpha1UnpackBenchmark> Of(V1Alpha1UnpackBenchmark changed, IEnumerable<V1Alpha1UnpackBenchmark> all) => all.Where(b =>
        b.Spec.Baseline?.Benchmark is { } name && name == changed.Metadata.Name
        && b.Metadata.NamespaceProperty == changed.Metadata.NamespaceProperty
        && b.Status?.Phase is BenchmarkPhase.Succeeded or BenchmarkPhase.PartiallySucceeded);
}
