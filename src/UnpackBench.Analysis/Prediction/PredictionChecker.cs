using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;

namespace UnpackBench.Analysis.Prediction;

/// <summary>
/// Puts a prediction next to a measured benchmark of the same image (a result document of
/// <c>unpackbench-agent run</c>): the relative error of the total against the measured median, whether
/// the median lies in the interval, each layer's error against its own median, and warnings where the
/// measurement's conditions differ from the calibration's.
/// </summary>
public static class PredictionChecker
{
    /// <summary>The prediction with its check filled in, and any warnings added.</summary>
    /// <exception cref="PredictionException">The measurement is of another image, or has no successful run.</exception>
    public static PredictionDocument Check(PredictionDocument prediction, BenchmarkResult measured, string source)
    {
        if (!string.Equals(measured.Image.ManifestDigest, prediction.ManifestDigest, StringComparison.Ordinal))
        {
            throw new PredictionException(
                $"{source} measured manifest {measured.Image.ManifestDigest} ({measured.Image.Reference}), but the prediction is for {prediction.ManifestDigest} ({prediction.Reference}); give a result of the same image and platform");
        }

        var successful = measured.Runs.Where(r => r.Status == RunResult.Success && r.DurationSeconds is not null).ToList();
        if (successful.Count == 0 || measured.Summary.MedianDurationSeconds is not { } median)
        {
            throw new PredictionException($"{source} has no successful run to compare with; benchmark the image again");
        }

        var layers = prediction.Layers.Select(l =>
        {
            var seconds = successful.Select(r => r.Layers.ElementAtOrDefault(l.Layer - 1)?.DurationSeconds).OfType<double>().ToList();
            var layerMedian = Median(seconds);
            return new LayerCheck(l.Layer, layerMedian, ErrorSummaries.Relative(l.Predicted.Seconds, layerMedian));
        }).ToList();

        var check = new PredictionCheck
        {
            Source = source,
            MeasuredSeconds = median,
            Runs = successful.Count,
            RelativeError = ErrorSummaries.Relative(prediction.Total.Seconds, median),
            WithinInterval = median >= prediction.Total.LowerSeconds && median <= prediction.Total.UpperSeconds,
            Layers = layers,
        };
        var warnings = ConditionComparison.Differences(prediction.Calibration.Conditions, MeasuredConditions.Of(measured), $"the measurement {source}");
        return prediction with { Check = check, Warnings = [.. prediction.Warnings, .. warnings] };
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count == 0 ? double.NaN : values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
