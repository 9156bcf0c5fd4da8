using System.Text.Json;
using UnpackBench.Core.Results;

namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// The index of a finished survey, in the ConfigMap <c>&lt;name&gt;-result</c> as <c>index.json</c>
/// (snake_case, as the result document): every row, the summary, the skipped nodes, and for each node
/// the ConfigMap holding its full result document.
/// </summary>
public sealed record SurveyIndex
{
    /// <summary>The schema version this code writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The data key of the index in its ConfigMap.</summary>
    public const string DataKey = ResultDataKeys.SurveyIndex;

    /// <summary>Version of this index's schema.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The benchmark's name.</summary>
    public required string Benchmark { get; init; }

    /// <summary>The spec generation surveyed.</summary>
    public required long Generation { get; init; }

    /// <summary>The image reference.</summary>
    public required string Image { get; init; }

    /// <summary>How the survey ended.</summary>
    public required string Phase { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? CompletionTime { get; init; }

    /// <summary>Counts, fastest and slowest, spread, skipped nodes.</summary>
    public required SurveyStatus Summary { get; init; }

    /// <summary>Every row, one per node and snapshotter; each names the ConfigMap of its node's document.</summary>
    public required IReadOnlyList<NodeBenchmarkStatus> Rows { get; init; }

    /// <summary>Writes the index as indented snake_case JSON.</summary>
    public static string Serialize(SurveyIndex index) => JsonSerializer.Serialize(index, ResultJson.Options);

    /// <summary>Reads an index written by <see cref="Serialize"/>.</summary>
    public static SurveyIndex Deserialize(string json) =>
        JsonSerializer.Deserialize<SurveyIndex>(json, ResultJson.Options) ?? throw new JsonException("the survey index is null");
}
