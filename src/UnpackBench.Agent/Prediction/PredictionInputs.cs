using System.Text.Json;
using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Prediction;

/// <summary>Reads the documents predict is given: the calibration and, optionally, a measured result. Every refusal is a <see cref="PredictionDocumentException"/>.</summary>
internal static class PredictionInputs
{
    /// <summary>The calibration document at <paramref name="path"/>.</summary>
    public static async Task<CalibrationDocument> ReadCalibrationAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var length = new FileInfo(path).Length;
        if (length > PredictionJson.MaxDocumentBytes)
        {
            throw new PredictionDocumentException($"{name} is {length} bytes; a calibration document is at most {PredictionJson.MaxDocumentBytes} bytes, so this is not one; give the file unpackbench-agent calibrate wrote");
        }

        return PredictionJson.ReadCalibration(await File.ReadAllTextAsync(path, cancellationToken), name);
    }

    /// <summary>The result document of <c>run</c> at <paramref name="path"/>.</summary>
    public static async Task<BenchmarkResult> ReadMeasuredAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return ResultJson.Deserialize(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (JsonException e)
        {
            throw new PredictionDocumentException($"{Path.GetFileName(path)} is not a result document of unpackbench-agent run ({e.Message}); give the benchmark_*.json that run wrote", e);
        }
    }
}
