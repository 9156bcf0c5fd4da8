namespace UnpackBench.Core.Results;

/// <summary>
/// Whether the runs drift: a monotonic trend of duration with the run index (Spearman's rho with its
/// p-value), which a coefficient of variation hides.
/// </summary>
public sealed record DriftFinding
{
    /// <summary>Whether the trend is significant at the 5 % level.</summary>
    public required bool Detected { get; init; }

    /// <summary>Spearman's rank correlation of duration with run index, −1 to 1.</summary>
    public required double Rho { get; init; }

    /// <summary>Two-sided p-value of "no trend".</summary>
    public required double PValue { get; init; }

    /// <summary>Least-squares slope: seconds added per run.</summary>
    public required double SlopeSecondsPerRun { get; init; }

    /// <summary>What to do about it, when detected.</summary>
    public string? Suggestion { get; init; }
}

/// <summary>Whether the first run was much slower than the others (e.g. a never-written thin-provisioned disk).</summary>
public sealed record FirstRunFinding
{
    /// <summary>Whether run 1 took more than the threshold times the median of the others.</summary>
    public required bool Detected { get; init; }

    /// <summary>Run 1 divided by the median of the other runs.</summary>
    public required double Ratio { get; init; }

    /// <summary>What to do about it, when detected.</summary>
    public string? Suggestion { get; init; }
}
