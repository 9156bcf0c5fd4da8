using System.Globalization;
using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Bench.Prediction;

/// <summary>The error table: each image's prediction with its interval next to its measured median, and the goal.</summary>
internal static class AccuracyReport
{
    /// <summary>The goal: within this fraction of the measured median.</summary>
    public const double Goal = 0.20;

    /// <summary>Writes the calibration's own error, one row per image, and how many met the goal.</summary>
    public static void Write(TextWriter output, CalibrationDocument calibration, IReadOnlyList<(string Label, PredictionDocument Prediction)> rows)
    {
        var model = calibration.Model;
        output.WriteLine(Invariant($"calibration: {calibration.Set} set, {calibration.Observations.Select(o => o.Case).Distinct().Count()} images, {calibration.Runs} timed run(s) each; conditions: {calibration.Conditions.Snapshotter}, cache {calibration.Conditions.CacheMode}, gzip by {calibration.Conditions.Decompressor}"));
        output.WriteLine(Invariant($"  residual standard error {model.ResidualStandardError:P1}; error on images left out: {(calibration.TrainingError.CrossValidation is { } cv ? Invariant($"median {cv.MedianAbsoluteRelativeError:P1}, max {cv.MaxAbsoluteRelativeError:P1}") : "not computed")}"));
        if (calibration.Stability is { } stability)
        {
            output.WriteLine($"  drift check: {CalibrationDrift.Describe(stability)}{(stability.Stable ? "" : ": DRIFTED, the predictions below are unreliable")}");
        }

        foreach (var note in calibration.Notes)
        {
            output.WriteLine($"  note: {note}");
        }

        output.WriteLine();
        output.WriteLine(Invariant($"{"image",-16} {"layers",6} {"MB",9} {"entries",9}  {"predicted",9}  {"95% interval",17}  {"measured",9}  {"error",7}  {"in interval",11}  ±{Goal:P0}"));
        foreach (var (label, prediction) in rows)
        {
            var check = prediction.Check!;
            var layers = prediction.Layers.Select(l => l.Features).ToList();
            output.WriteLine(Invariant(
                $"{label,-16} {layers.Count,6} {layers.Sum(l => l.UncompressedBytes) / 1e6,9:F1} {layers.Sum(l => l.Entries),9:N0}  {prediction.Total.Seconds,7:F3} s  {prediction.Total.LowerSeconds,7:F3}–{prediction.Total.UpperSeconds,7:F3} s  {check.MeasuredSeconds,7:F3} s  {check.RelativeError,7:+0.0%;-0.0%}  {(check.WithinInterval ? "yes" : "no"),11}  {(Math.Abs(check.RelativeError) <= Goal ? "met" : "NOT met")}"));
            foreach (var warning in prediction.Warnings)
            {
                output.WriteLine($"  warning: {warning}");
            }
        }

        output.WriteLine();
        output.WriteLine(Invariant($"goal, within ±{Goal:P0} of the measured median on images not used for calibration: {rows.Count(r => Math.Abs(r.Prediction.Check!.RelativeError) <= Goal)}/{rows.Count} met"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
