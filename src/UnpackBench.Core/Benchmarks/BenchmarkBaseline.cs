using System.Text.Json.Serialization;

namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// What a benchmark is compared with once it succeeds: another <c>UnpackBenchmark</c> in its namespace
/// (its current result, of a generation that succeeded), or a ConfigMap holding a result document. The
/// verdict follows the agent's <c>compare</c>: the ratio of medians with its 95 % interval against
/// ±<see cref="ThresholdPercent"/>; documents of different setups are refused unless <see cref="Force"/>.
/// </summary>
public sealed record BenchmarkBaseline
{
    /// <summary>The data key a ConfigMap baseline's document is under when <see cref="Key"/> is not given.</summary>
    public const string DefaultKey = ResultDataKeys.Document;

    /// <summary>Another UnpackBenchmark in the namespace, by name (exclusive with <see cref="ConfigMap"/>).</summary>
    public string? Benchmark { get; init; }

    /// <summary>A ConfigMap in the namespace holding a result document, by name (exclusive with <see cref="Benchmark"/>).</summary>
    public string? ConfigMap { get; init; }

    /// <summary>The data key of the document in <see cref="ConfigMap"/>.</summary>
    public string Key { get; init; } = DefaultKey;

    /// <summary>How far, percent, the ratio of medians may move from 1 before it counts (<see cref="ComparisonThreshold"/>).</summary>
    public double ThresholdPercent { get; init; } = ComparisonThreshold.DefaultPercent;

    /// <summary>Compare even when the documents come from another node, snapshotter, decompressor, containerd version or cache mode.</summary>
    public bool Force { get; init; }

    /// <summary>The kind of object named: <c>UnpackBenchmark</c> or <c>ConfigMap</c>.</summary>
    [JsonIgnore]
    public string Kind => ConfigMap is { Length: > 0 } ? "ConfigMap" : "UnpackBenchmark";

    /// <summary>The object named.</summary>
    [JsonIgnore]
    public string Name => ConfigMap is { Length: > 0 } configMap ? configMap : Benchmark ?? "";

    /// <summary>Every problem with this baseline, each a sentence saying what to change.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrEmpty(Benchmark) == string.IsNullOrEmpty(ConfigMap))
        {
            yield return "spec.baseline must name exactly one of benchmark (an UnpackBenchmark in the namespace) and configMap (a ConfigMap holding a result document)";
        }

        if (ComparisonThreshold.Problem(ThresholdPercent) is { } threshold)
        {
            yield return $"spec.baseline.thresholdPercent: {threshold}";
        }

        if (string.IsNullOrEmpty(Key))
        {
            yield return $"spec.baseline.key is empty: name the ConfigMap's data key holding the document (by default {DefaultKey})";
        }
    }
}
