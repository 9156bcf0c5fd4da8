using System.Text.Json.Serialization;

namespace UnpackBench.Core.Results;

/// <summary>
/// The result document of one benchmark: what was run, the summary, every run, the image and the
/// machine. Key names (snake_case) are a superset of the original tool's, so <c>jq '.summary'</c>
/// scripts keep working. Bump <see cref="CurrentSchemaVersion"/> when a field changes meaning.
/// </summary>
public sealed record BenchmarkResult
{
    /// <summary>The schema version this code writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Version of this document's schema.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>What was asked for.</summary>
    public required BenchmarkConfig BenchmarkConfig { get; init; }

    /// <summary>Statistics over the successful runs.</summary>
    public required BenchmarkSummary Summary { get; init; }

    /// <summary>Every timed run, in order; warm-up runs are not listed.</summary>
    public required IReadOnlyList<RunResult> Runs { get; init; }

    /// <summary>The image that was unpacked.</summary>
    public required ImageDescription Image { get; init; }

    /// <summary>The machine and containerd it ran on.</summary>
    public required EnvironmentDescription Environment { get; init; }

    /// <summary>Remarks a reader needs to interpret the figures (e.g. a figure that is a high-water mark).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The floors under the first variant's runs; absent without <c>--floor</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FloorMeasurement? Floors { get; init; }

    /// <summary>Every snapshotter × encoding benchmarked; absent when there was only one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<VariantResult>? Variants { get; init; }
}
