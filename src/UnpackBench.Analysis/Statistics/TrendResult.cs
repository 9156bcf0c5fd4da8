namespace UnpackBench.Analysis.Statistics;

/// <summary>A monotonic trend across a run series.</summary>
/// <param name="Rho">Spearman's rank correlation of the values with their run index, −1 to 1.</param>
/// <param name="PValue">Two-sided p-value of "no trend".</param>
/// <param name="SlopePerRun">Least-squares slope of value against run index (units per run).</param>
/// <param name="Exact">Whether the p-value is exact (every ordering enumerated) rather than the t approximation.</param>
public sealed record TrendResult(double Rho, double PValue, double SlopePerRun, bool Exact)
{
    /// <summary>Whether the trend is significant at <paramref name="alpha"/>.</summary>
    public bool IsSignificant(double alpha = 0.05) => PValue <= alpha;
}
