using System.Text.Json;
using System.Text.Json.Serialization;
using UnpackBench.Core.Results;

namespace UnpackBench.Analysis.Comparison.Formatting;

/// <summary>The comparison as JSON: the record itself, snake_case like the result document, verdicts as words.</summary>
public static class ComparisonJson
{
    /// <summary>The serializer options: the result document's, with enums written as snake_case strings.</summary>
    public static JsonSerializerOptions Options { get; } = new(ResultJson.Options)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Writes <paramref name="comparison"/> as indented JSON.</summary>
    public static string Serialize(ResultComparison comparison) => JsonSerializer.Serialize(comparison, Options);

    /// <summary>Reads a comparison written by <see cref="Serialize"/>.</summary>
    public static ResultComparison Deserialize(string json) =>
        JsonSerializer.Deserialize<ResultComparison>(json, Options) ?? throw new JsonException("the comparison is null");
}
