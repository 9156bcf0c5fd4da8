using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Calibration;

/// <summary>Pairs each calibration layer's counted features with its times in the successful runs of its benchmark.</summary>
internal static class MeasuredLayers
{
    /// <summary>
    /// The measured layers of one calibration image; throws <see cref="CalibrationException"/> when no
    /// run succeeded, since a calibration with a hole in it would fit a different model.
    /// </summary>
    public static IEnumerable<MeasuredLayer> Of(string caseName, ImageFeatures features, BenchmarkResult result)
    {
        var successful = result.Runs.Where(r => r.Status == RunResult.Success && r.Layers.Count == features.Layers.Count).ToList();
        if (successful.Count == 0)
        {
            var error = result.Runs.Select(r => r.Error).FirstOrDefault(e => e is not null) ?? string.Join("; ", result.Notes);
            throw new CalibrationException($"calibration image {caseName}: no run succeeded ({error}); the calibration needs every image, so nothing was written. Fix the cause and calibrate again");
        }

        return features.Layers.Select((layer, i) => new MeasuredLayer(caseName, i + 1, layer, successful.Select(r => r.Layers[i].DurationSeconds).ToList()));
    }
}
