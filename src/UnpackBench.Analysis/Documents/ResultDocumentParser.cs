using System.Text.Json;
using UnpackBench.Core.Results;

namespace UnpackBench.Analysis.Documents;

/// <summary>
/// Reads a result document from text with errors a person can act on: not JSON, JSON that is not a
/// result document, a document from a newer schema, a document with a missing or mistyped field.
/// </summary>
public static class ResultDocumentParser
{
    /// <summary>Parses <paramref name="json"/>; <paramref name="source"/> names it in errors (a path, a ConfigMap).</summary>
    /// <exception cref="ResultDocumentException">The text is not a result document this version reads.</exception>
    public static BenchmarkResult Parse(string json, string source)
    {
        CheckShape(json, source);
        try
        {
            return ResultJson.Deserialize(json);
        }
        catch (JsonException e)
        {
            throw new ResultDocumentException($"{source} is not a valid result document: {e.Message}", e);
        }
    }

    private static void CheckShape(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ResultDocumentException($"{source} is not JSON ({e.Message}); expected a result document (benchmark_*.json) written by unpackbench-agent", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("schema_version", out var version)
                || !root.TryGetProperty("benchmark_config", out _))
            {
                throw new ResultDocumentException(
                    $"{source} is not an UnpackBench result document: it has no schema_version and benchmark_config; expected a benchmark_*.json written by unpackbench-agent");
            }

            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number < 1)
            {
                throw new ResultDocumentException($"{source} has schema_version {version.GetRawText()}; expected a whole number from 1");
            }

            if (number > BenchmarkResult.CurrentSchemaVersion)
            {
                throw new ResultDocumentException(
                    $"{source} has schema_version {number}, newer than this version reads ({BenchmarkResult.CurrentSchemaVersion}); use a newer unpackbench-agent");
            }
        }
    }
}
