namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// The comparison of a succeeded benchmark with its baseline, as the agent's <c>compare</c> makes it:
/// the ratio of medians (this benchmark / the baseline: above 1 is slower) with its 95 % interval and the
/// verdict against ±<see cref="ThresholdPercent"/>. Of a survey, or a benchmark in several snapshotters,
/// every node × snapshotter both sides measured is compared and listed in <see cref="Rows"/>; the
/// top-level figures are then those of the row that decided the verdict. Decimal figures are strings,
/// as the Kubernetes conventions advise.
/// </summary>
public sealed record BenchmarkComparisonStatus
{
    /// <summary>What was compared with.</summary>
    public BaselineReferenceStatus Baseline { get; init; } = new();

    /// <summary>The generation of this benchmark that was compared.</summary>
    public long ObservedGeneration { get; init; }

    /// <summary>The threshold the verdict used, percent.</summary>
    public string ThresholdPercent { get; init; } = "";

    /// <summary>Whether <c>spec.baseline.force</c> let differing setups be compared.</summary>
    public bool Forced { get; init; }

    /// <summary><see cref="ComparisonVerdicts"/>: Slower, Faster, Same, Inconclusive, or NotComparable.</summary>
    public string Verdict { get; init; } = "";

    /// <summary>Why, naming the interval and the bound (or the fields that differ).</summary>
    public string Explanation { get; init; } = "";

    /// <summary>The node of the deciding row.</summary>
    public string? NodeName { get; init; }

    /// <summary>The snapshotter of the deciding row.</summary>
    public string? Snapshotter { get; init; }

    /// <summary>This benchmark's median / the baseline's median.</summary>
    public string? Ratio { get; init; }

    /// <summary>Lower bound of the ratio's 95 % interval; absent with too few runs for one.</summary>
    public string? Lower { get; init; }

    /// <summary>Upper bound of the ratio's 95 % interval.</summary>
    public string? Upper { get; init; }

    /// <summary>The baseline's median, seconds.</summary>
    public string? BaselineMedianSeconds { get; init; }

    /// <summary>This benchmark's median, seconds.</summary>
    public string? MedianSeconds { get; init; }

    /// <summary>Successful runs of the baseline.</summary>
    public int BaselineRuns { get; init; }

    /// <summary>Successful runs of this benchmark.</summary>
    public int Runs { get; init; }

    /// <summary>For an inconclusive verdict: runs per benchmark estimated to settle it.</summary>
    public int? RunsNeeded { get; init; }

    /// <summary>Setup fields that differ: compared past with <see cref="Forced"/>, or why the verdict is NotComparable.</summary>
    public IReadOnlyList<string> Differences { get; init; } = [];

    /// <summary>Setup fields a partial document does not record, so they could not be checked.</summary>
    public IReadOnlyList<string> UncheckedFields { get; init; } = [];

    /// <summary>Every node × snapshotter compared, when there is more than one.</summary>
    public IReadOnlyList<ComparisonRowStatus> Rows { get; init; } = [];
}

/// <summary>The baseline a comparison was made with.</summary>
public sealed record BaselineReferenceStatus
{
    /// <summary><c>UnpackBenchmark</c> or <c>ConfigMap</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>Its name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Its uid.</summary>
    public string? Uid { get; init; }

    /// <summary>Of an UnpackBenchmark: the generation whose result was used.</summary>
    public long? Generation { get; init; }

    /// <summary>Of a ConfigMap: the resourceVersion read.</summary>
    public string? ResourceVersion { get; init; }
}

/// <summary>One node × snapshotter both sides measured, and its verdict.</summary>
public sealed record ComparisonRowStatus
{
    /// <summary>The node.</summary>
    public string? NodeName { get; init; }

    /// <summary>The snapshotter.</summary>
    public string? Snapshotter { get; init; }

    /// <summary>Slower, Faster, Same, Inconclusive, or NotComparable.</summary>
    public string Verdict { get; init; } = "";

    /// <summary>This benchmark's median / the baseline's on this row.</summary>
    public string? Ratio { get; init; }

    /// <summary>Lower bound of the ratio's 95 % interval.</summary>
    public string? Lower { get; init; }

    /// <summary>Upper bound of the ratio's 95 % interval.</summary>
    public string? Upper { get; init; }

    /// <summary>Of a row that is NotComparable: the fields that differ.</summary>
    public string? Message { get; init; }
}

/// <summary>The verdicts a comparison in status states.</summary>
public static class ComparisonVerdicts
{
    /// <summary>Slower beyond the threshold, with 95 % confidence: a regression.</summary>
    public const string Slower = "Slower";

    /// <summary>Faster beyond the threshold, with 95 % confidence.</summary>
    public const string Faster = "Faster";

    /// <summary>Within the threshold, with 95 % confidence.</summary>
    public const string Same = "Same";

    /// <summary>Too few runs, or an interval that straddles a threshold bound.</summary>
    public const string Inconclusive = "Inconclusive";

    /// <summary>The documents measure different setups and the comparison was not forced.</summary>
    public const string NotComparable = "NotComparable";
}
