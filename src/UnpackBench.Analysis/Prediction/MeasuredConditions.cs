using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;

namespace UnpackBench.Analysis.Prediction;

/// <summary>The <see cref="UnpackConditions"/> a result document was measured under.</summary>
public static class MeasuredConditions
{
    /// <summary>What every run of an agent without cache modes did: leave the page cache as it was.</summary>
    public const string WarmCache = "warm";

    /// <summary>The conditions of <paramref name="result"/>.</summary>
    public static UnpackConditions Of(BenchmarkResult result) => new()
    {
        Snapshotter = result.Environment.Snapshotter,
        CacheMode = WarmCache,
        Decompressor = result.Environment.Decompressor,
        ContainerdVersion = result.Environment.ContainerdVersion,
        Kernel = result.Environment.Kernel,
    };
}
