using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UnpackBench.Core.Results;

/// <summary>The one JSON shape of the result document: snake_case keys, nulls written, indented.</summary>
public static class ResultJson
{
    /// <summary>Serializer options used for reading and writing result documents.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Writes the document as indented JSON.</summary>
    public static string Serialize(BenchmarkResult result) => JsonSerializer.Serialize(result, Options);

    /// <summary>Reads a document written by <see cref="Serialize"/>.</summary>
    public static BenchmarkResult Deserialize(string json) =>
        JsonSerializer.Deserialize<BenchmarkResult>(json, Options) ?? throw new JsonException("the result document is null");
}
