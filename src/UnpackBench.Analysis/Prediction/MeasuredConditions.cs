using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;

namespace UnpackBench.Analysis.Prediction;

/// <summary>The <see cref="UnpackConditions"/> a result document was measured under.</summary>
public static class MeasuredConditions
{
    /// <summary>The conditions of <paramref name="result"/>.</summary>
    public static UnpackConditions Of(BenchmarkResult result) => new()
    {
        Snapshotter = result.Environment.Snapshotter,
        CacheMode = result.BenchmarkConfig.CacheMode,
        Decompressor = result.Environment.Decompressor,
        ContainerdVersion = result.Environment.ContainerdVersion,
        Kernel = result.Environment.Kernel,
    };
}
