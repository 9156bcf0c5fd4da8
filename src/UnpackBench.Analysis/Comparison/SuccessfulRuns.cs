using UnpackBench.Core.Results;

namespace UnpackBench.Analysis.Comparison;

/// <summary>The runs a comparison rests on: those that unpacked, verified and have a duration.</summary>
public static class SuccessfulRuns
{
    /// <summary>The successful runs of <paramref name="result"/>, in run order.</summary>
    public static IReadOnlyList<RunResult> Of(BenchmarkResult result) =>
        [.. result.Runs.Where(r => r.Status == RunResult.Success && r.DurationSeconds is > 0)];

    /// <summary>Their durations, seconds.</summary>
    public static IReadOnlyList<double> Durations(BenchmarkResult result) =>
        [.. Of(result).Select(r => r.DurationSeconds!.Value)];
}
