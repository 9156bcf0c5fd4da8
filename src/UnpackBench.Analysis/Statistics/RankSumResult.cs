namespace UnpackBench.Analysis.Statistics;

/// <summary>The outcome of a two-sided Mann–Whitney U (Wilcoxon rank-sum) test.</summary>
/// <param name="U">The U statistic of the baseline sample (pairs in which its run is the longer).</param>
/// <param name="PValue">Two-sided p-value: the chance of a difference at least this large in ranks if both samples came from one distribution.</param>
public sealed record RankSumResult(double U, double PValue);
