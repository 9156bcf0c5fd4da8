using System.Globalization;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Agent.Prediction;

/// <summary>The prediction for people: one row per layer and the total, each with its interval; the calibration's own error; warnings; the check against a measurement.</summary>
internal static class PredictionTable
{
    /// <summary>Writes <paramref name="prediction"/> to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, PredictionDocument prediction)
    {
        var c = prediction.Calibration;
        output.WriteLine($"predicted unpack time of {prediction.Reference} ({prediction.Platform}, {prediction.ManifestDigest})");
        output.WriteLine($"on {c.Hostname}, from its {c.Set} calibration of {c.CreatedAt:u}: containerd {c.Conditions.ContainerdVersion}, {c.Conditions.Snapshotter}, gzip by {c.Conditions.Decompressor}, cache {c.Conditions.CacheMode}");
        output.WriteLine();
        output.WriteLine(Row("layer", "compression", "compressed", "uncompressed", "files", "dirs", "links", "predicted", $"{prediction.ConfidenceLevel:P0} interval"));
        foreach (var layer in prediction.Layers)
        {
            var f = layer.Features;
            output.WriteLine(Row(Text(layer.Layer), f.Compression, Megabytes(f.CompressedBytes), Megabytes(f.UncompressedBytes), Text(f.Files), Text(f.Directories), Text(f.Symlinks + f.Hardlinks + f.Whiteouts + f.OtherEntries), Seconds(layer.Predicted.Seconds), Interval(layer.Predicted)));
        }

        var all = prediction.Layers.Select(l => l.Features).ToList();
        output.WriteLine(Row("total", "", Megabytes(all.Sum(f => f.CompressedBytes)), Megabytes(all.Sum(f => f.UncompressedBytes)), Text(all.Sum(f => f.Files)), Text(all.Sum(f => f.Directories)), Text(all.Sum(f => f.Symlinks + f.Hardlinks + f.Whiteouts + f.OtherEntries)), Seconds(prediction.Total.Seconds), Interval(prediction.Total)));
        output.WriteLine();
        output.WriteLine(c.CrossValidation is { } cv
            ? string.Create(CultureInfo.InvariantCulture, $"the calibration's error on images it left out: median {cv.MedianAbsoluteRelativeError:P0}, max {cv.MaxAbsoluteRelativeError:P0} over {cv.Count}")
            : "the calibration could not estimate its error on images it left out (too few images)");
        foreach (var warning in prediction.Warnings)
        {
            output.WriteLine($"warning: {warning}");
        }

        if (prediction.Check is { } check)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"measured ({check.Source}): median {check.MeasuredSeconds:F3} s over {check.Runs} run(s); the prediction is off by {check.RelativeError:+0.0%;-0.0%} ({(check.WithinInterval ? "inside" : "outside")} its interval)"));
            output.WriteLine("  per layer: " + string.Join(", ", check.Layers.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Layer}: {l.MeasuredSeconds:F3} s ({l.RelativeError:+0%;-0%})"))));
        }
    }

    private static string Row(params string[] cells) =>
        string.Create(CultureInfo.InvariantCulture, $"{cells[0],-6} {cells[1],-12} {cells[2],11} {cells[3],13} {cells[4],8} {cells[5],7} {cells[6],7} {cells[7],10}   {cells[8]}");

    private static string Text(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:F1} MB");

    private static string Seconds(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds:F3} s");

    private static string Interval(PredictedDuration d) => string.Create(CultureInfo.InvariantCulture, $"{d.LowerSeconds:F3}–{d.UpperSeconds:F3} s");
}
