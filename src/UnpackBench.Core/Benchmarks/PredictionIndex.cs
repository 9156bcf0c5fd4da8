using System.Text.Json;
using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;

namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// What a finished prediction (<c>mode: Predict</c>) keeps in its ConfigMap <c>&lt;name&gt;-result</c> as
/// <c>predictions.json</c> (snake_case, as the result document), beside the image's counted features
/// (<c>features.json</c>, an <see cref="ImageFeatures"/> document): every row, the summary, and each predicted
/// node's full prediction document, per layer and in total.
/// </summary>
public sealed record PredictionIndex
{
    /// <summary>The schema version this code writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The data key of the index in its ConfigMap.</summary>
    public const string DataKey = "predictions.json";

    /// <summary>The data key of the image's counted features in the same ConfigMap.</summary>
    public const string FeaturesKey = "features.json";

    /// <summary>Version of this index's schema.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The benchmark's name.</summary>
    public required string Benchmark { get; init; }

    /// <summary>The spec generation predicted.</summary>
    public required long Generation { get; init; }

    /// <summary>The image reference.</summary>
    public required string Image { get; init; }

    /// <summary>How the prediction ended.</summary>
    public required string Phase { get; init; }

    /// <summary>Counts, fastest and slowest, spread.</summary>
    public required SurveyStatus Summary { get; init; }

    /// <summary>Every row, one per matched node.</summary>
    public required IReadOnlyList<NodePredictionStatus> Rows { get; init; }

    /// <summary>Each predicted node's prediction, by node name.</summary>
    public required IReadOnlyDictionary<string, PredictionDocument> Predictions { get; init; }

    /// <summary>Whether the per-layer predictions were left out so the ConfigMap stays within its size.</summary>
    public bool LayersLeftOut { get; init; }

    /// <summary>Writes the index as indented snake_case JSON.</summary>
    public static string Serialize(PredictionIndex index) => JsonSerializer.Serialize(index, ResultJson.Options);

    /// <summary>Reads an index written by <see cref="Serialize"/>.</summary>
    public static PredictionIndex Deserialize(string json) =>
        JsonSerializer.Deserialize<PredictionIndex>(json, ResultJson.Options) ?? throw new JsonException("the prediction index is null");
}
