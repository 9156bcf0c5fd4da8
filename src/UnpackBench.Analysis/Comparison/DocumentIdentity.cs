using UnpackBench.Core.Results;

namespace UnpackBench.Analysis.Comparison;

/// <summary>Which benchmark one side of a comparison is: enough to tell the two apart in a report.</summary>
/// <param name="TargetImage">The image as the user named it.</param>
/// <param name="ManifestDigest">The platform manifest that was unpacked.</param>
/// <param name="Hostname">The node.</param>
/// <param name="Timestamp">When the benchmark started.</param>
/// <param name="SuccessfulRuns">How many timed runs the statistics rest on.</param>
public sealed record DocumentIdentity(string TargetImage, string ManifestDigest, string Hostname, DateTimeOffset Timestamp, int SuccessfulRuns)
{
    /// <summary>The identity of <paramref name="result"/>.</summary>
    public static DocumentIdentity Of(BenchmarkResult result) => new(
        result.BenchmarkConfig.TargetImage,
        result.Image.ManifestDigest,
        result.Environment.Hostname,
        result.BenchmarkConfig.Timestamp,
        Comparison.SuccessfulRuns.Of(result).Count);
}
