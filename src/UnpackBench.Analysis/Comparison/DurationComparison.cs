namespace UnpackBench.Analysis.Comparison;

/// <summary>
/// The unpack times of the two benchmarks compared as distributions: the ratio of medians with its
/// distribution-free interval, and the Mann–Whitney U test. Figures a side has no runs for are null.
/// </summary>
public sealed record DurationComparison
{
    /// <summary>Successful runs of the baseline.</summary>
    public required int BaselineRuns { get; init; }

    /// <summary>Successful runs of the candidate.</summary>
    public required int CandidateRuns { get; init; }

    /// <summary>Median unpack time of the baseline, seconds.</summary>
    public double? BaselineMedianSeconds { get; init; }

    /// <summary>Median unpack time of the candidate, seconds.</summary>
    public double? CandidateMedianSeconds { get; init; }

    /// <summary>Candidate median / baseline median: above 1 the candidate is slower.</summary>
    public double? Ratio { get; init; }

    /// <summary>Lower bound of the ratio's interval; null when the samples are too small for one.</summary>
    public double? Lower { get; init; }

    /// <summary>Upper bound of the ratio's interval.</summary>
    public double? Upper { get; init; }

    /// <summary>The confidence level asked for.</summary>
    public required double ConfidenceLevel { get; init; }

    /// <summary>The interval's exact coverage (at least <see cref="ConfidenceLevel"/>).</summary>
    public double? Coverage { get; init; }

    /// <summary>The Mann–Whitney U statistic of the baseline.</summary>
    public double? MannWhitneyU { get; init; }

    /// <summary>Two-sided p-value of the Mann–Whitney test: how likely ranks this far apart are if nothing changed.</summary>
    public double? PValue { get; init; }
}
