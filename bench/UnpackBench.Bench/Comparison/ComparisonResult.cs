using UnpackBench.Bench.Generation;

namespace UnpackBench.Bench.Comparison;

/// <summary>The side-by-side times of one image: one agent run and one ctr run per iteration.</summary>
internal sealed record ComparisonResult(
    string Label,
    GeneratedImage Image,
    RatioTarget Target,
    IReadOnlyList<(TimeSpan Agent, TimeSpan Ctr)> Iterations)
{
    /// <summary>The median of the agent's unpack times.</summary>
    public TimeSpan AgentMedian => Median(Iterations.Select(iteration => iteration.Agent));

    /// <summary>The median of ctr's process times.</summary>
    public TimeSpan CtrMedian => Median(Iterations.Select(iteration => iteration.Ctr));

    /// <summary>agent / ctr of the medians.</summary>
    public double Ratio => AgentMedian / CtrMedian;

    /// <summary>The middle value (the mean of the middle two for an even count).</summary>
    public static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            throw new InvalidOperationException("no iterations completed, so there is no median.");
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
