using System.Text;
using System.Text.Json;
using UnpackBench.Core.Results;

namespace UnpackBench.Core.Prediction;

/// <summary>
/// The JSON of calibration and prediction documents: the result document's conventions (snake_case,
/// nulls written, indented). Reading checks the document is what it claims to be, in a schema this
/// version knows, and whole; every refusal is a <see cref="PredictionDocumentException"/> naming the
/// document and what to do.
/// </summary>
public static class PredictionJson
{
    /// <summary>A ConfigMap holds at most 1 MiB, so a calibration document never exceeds it.</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    /// <summary>Writes a calibration document; refuses one over <see cref="MaxDocumentBytes"/>.</summary>
    public static string Serialize(CalibrationDocument calibration)
    {
        var json = JsonSerializer.Serialize(calibration, ResultJson.Options);
        var bytes = Encoding.UTF8.GetByteCount(json);
        return bytes <= MaxDocumentBytes
            ? json
            : throw new PredictionDocumentException($"the calibration document is {bytes} bytes, more than the {MaxDocumentBytes} a ConfigMap holds; calibrate with fewer cases");
    }

    /// <summary>Writes a prediction document.</summary>
    public static string Serialize(PredictionDocument prediction) => JsonSerializer.Serialize(prediction, ResultJson.Options);

    /// <summary>Writes counted image features.</summary>
    public static string Serialize(ImageFeatures features) => JsonSerializer.Serialize(features, ResultJson.Options);

    /// <summary>Reads a calibration document; <paramref name="source"/> names it in errors (a file name).</summary>
    public static CalibrationDocument ReadCalibration(string json, string source)
    {
        var bytes = Encoding.UTF8.GetByteCount(json);
        if (bytes > MaxDocumentBytes)
        {
            throw new PredictionDocumentException($"{source} is {bytes} bytes; a calibration document is at most {MaxDocumentBytes} bytes, so this is not one");
        }

        CheckHeader(json, source, CalibrationDocument.DocumentKind, CalibrationDocument.CurrentSchemaVersion, "unpackbench-agent calibrate");
        var calibration = Deserialize<CalibrationDocument>(json, source, "unpackbench-agent calibrate");
        CalibrationShape.Check(calibration, source);
        return calibration;
    }

    /// <summary>Reads a prediction document.</summary>
    public static PredictionDocument ReadPrediction(string json, string source)
    {
        CheckHeader(json, source, PredictionDocument.DocumentKind, CalibrationDocument.CurrentSchemaVersion, "unpackbench-agent predict --json");
        return Deserialize<PredictionDocument>(json, source, "unpackbench-agent predict --json");
    }

    /// <summary>Reads counted image features (what one agent counts once for every calibrated node).</summary>
    public static ImageFeatures ReadFeatures(string json, string source)
    {
        CheckHeader(json, source, ImageFeatures.DocumentKind, CalibrationDocument.CurrentSchemaVersion, "the agent that counted the image");
        return Deserialize<ImageFeatures>(json, source, "the agent that counted the image");
    }

    private static void CheckHeader(string json, string source, string kind, int schemaVersion, string producer)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new PredictionDocumentException($"{source} is not valid JSON ({e.Message}); it is corrupt: write it again with {producer}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            var found = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            if (found != kind)
            {
                throw new PredictionDocumentException(
                    $"{source} is not a {kind} document ({(found is null ? "it has no \"kind\"" : $"its kind is '{found}'")}); give the file {producer} wrote");
            }

            var version = root.TryGetProperty("schema_version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : (int?)null;
            if (version != schemaVersion)
            {
                throw new PredictionDocumentException(
                    $"{source} has schema_version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}, but this agent reads version {schemaVersion}; write it again with this agent's {producer}");
            }
        }
    }

    private static T Deserialize<T>(string json, string source, string producer)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, ResultJson.Options) ?? throw new JsonException("the document is null");
        }
        catch (JsonException e)
        {
            throw new PredictionDocumentException($"{source} is incomplete or corrupt ({e.Message}); write it again with {producer}", e);
        }
    }
}
