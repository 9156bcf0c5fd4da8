using UnpackBench.Analysis.Comparison;
using UnpackBench.Core.Results;

namespace UnpackBench.Report;

/// <summary>What a report shows: a result document and, optionally, its comparison with a baseline.</summary>
/// <param name="Result">The benchmark reported on.</param>
/// <param name="Baseline">The baseline document, when one was given.</param>
/// <param name="Comparison">The comparison of <paramref name="Result"/> with <paramref name="Baseline"/>.</param>
public sealed record ReportInput(BenchmarkResult Result, BenchmarkResult? Baseline = null, ResultComparison? Comparison = null);
