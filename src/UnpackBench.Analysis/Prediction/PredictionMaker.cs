using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;

namespace UnpackBench.Analysis.Prediction;

/// <summary>
/// Makes a prediction document from a calibration and an image's counted features, and nothing else:
/// the operator can predict for every calibrated node from one count of the image.
/// </summary>
public static class PredictionMaker
{
    /// <summary>How many times the largest calibration layer (in bytes or entries) a layer may be before its prediction is called an extrapolation.</summary>
    public const int ExtrapolationFactor = 4;

    /// <summary>The warning of a prediction from a calibration measured on ext4 without a journal (<see cref="RootFilesystems.Ext4WithoutJournalNote"/>).</summary>
    public const string WithoutJournal =
        "the calibration was measured with containerd's root on ext4 without a journal, where the cost per file depends on how many files were deleted in the minutes before: " +
        "the prediction holds only as far as that repeats; calibrate and run on a journaled filesystem";

    /// <summary>Predicts <paramref name="image"/> on the node of <paramref name="calibration"/>.</summary>
    /// <param name="calibration">The node's calibration.</param>
    /// <param name="image">The image's counted features.</param>
    /// <param name="target">The conditions of the unpack to predict, when known (differences become warnings).</param>
    /// <param name="targetName">How warnings name the target, e.g. "this machine".</param>
    /// <param name="now">The prediction's time.</param>
    /// <exception cref="PredictionException">A layer the calibration has no coefficients for.</exception>
    public static PredictionDocument Make(CalibrationDocument calibration, ImageFeatures image, UnpackConditions? target, string targetName, DateTimeOffset now)
    {
        var (layers, total) = UnpackPredictor.Predict(calibration.Model, image.Layers);
        var warnings = new List<string>();
        if (target is not null)
        {
            warnings.AddRange(ConditionComparison.Differences(calibration.Conditions, target, targetName));
        }

        if (calibration.Stability is { Stable: false } drifted)
        {
            warnings.Add(CalibrationDrift.Warning(drifted));
        }

        if (calibration.Node.RootFilesystem == RootFilesystems.Ext4WithoutJournal)
        {
            warnings.Add(WithoutJournal);
        }

        warnings.AddRange(OutsideTraining(calibration, image));
        return new PredictionDocument
        {
            CreatedAt = now,
            Reference = image.Reference,
            Digest = image.Digest,
            ManifestDigest = image.ManifestDigest,
            Platform = image.Platform,
            Calibration = new CalibrationSummary
            {
                Hostname = calibration.Node.Hostname,
                CreatedAt = calibration.CreatedAt,
                Set = calibration.Set,
                Conditions = calibration.Conditions,
                CrossValidation = calibration.TrainingError.CrossValidation,
            },
            ConfidenceLevel = UnpackPredictor.ConfidenceLevel,
            Layers = image.Layers.Select((l, i) => new LayerPrediction { Layer = i + 1, Features = l, Predicted = layers[i] }).ToList(),
            Total = total,
            Warnings = warnings,
        };
    }

    // A layer far beyond anything the calibration measured is an extrapolation; say so.
    private static IEnumerable<string> OutsideTraining(CalibrationDocument calibration, ImageFeatures image)
    {
        var trained = calibration.Observations.Select(o => o.Features).ToList();
        if (trained.Count == 0)
        {
            yield break;
        }

        var maxBytes = trained.Max(f => f.UncompressedBytes);
        var maxEntries = trained.Max(f => f.Entries);
        foreach (var (layer, index) in image.Layers.Select((l, i) => (l, i + 1)))
        {
            if (layer.UncompressedBytes > ExtrapolationFactor * maxBytes || layer.Entries > ExtrapolationFactor * maxEntries)
            {
                yield return $"layer {index} ({layer.UncompressedBytes} bytes, {layer.Entries} entries) is more than {ExtrapolationFactor}× the largest calibration layer ({maxBytes} bytes, {maxEntries} entries): its prediction extrapolates";
            }
        }
    }
}
