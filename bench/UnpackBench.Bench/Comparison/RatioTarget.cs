using System.Globalization;

namespace UnpackBench.Bench.Comparison;

/// <summary>The range the ratio agent/ctr of the medians should fall in, and why.</summary>
internal sealed record RatioTarget(double? Min, double Max, string Reason)
{
    /// <summary>The large image: the agent does the same work as ctr, no less and no more.</summary>
    public static RatioTarget SameWork { get; } = new(0.90, 1.02, "the agent misses no work and adds none");

    /// <summary>The tiny image: ctr's time is mostly its process start, which the agent's timed window excludes.</summary>
    public static RatioTarget NoProcessStart { get; } = new(null, 0.30, "no process start in the timed window");

    /// <summary>True when <paramref name="ratio"/> is in range.</summary>
    public bool IsMetBy(double ratio) => ratio <= Max && (Min is null || ratio >= Min);

    /// <summary><c>0.90–1.02</c> or <c>≤ 0.30</c>.</summary>
    public override string ToString() => Min is { } min
        ? string.Create(CultureInfo.InvariantCulture, $"{min:0.00}–{Max:0.00}")
        : string.Create(CultureInfo.InvariantCulture, $"≤ {Max:0.00}");
}
