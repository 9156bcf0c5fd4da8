using System.Globalization;
using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Agent.Calibration;

/// <summary>The calibration for people: each cost in a readable unit with its standard error, and the model's error.</summary>
internal static class CalibrationTable
{
    /// <summary>Writes the table of <paramref name="calibration"/> to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, CalibrationDocument calibration)
    {
        var c = calibration.Conditions;
        output.WriteLine($"model of {calibration.Node.Hostname}: containerd {c.ContainerdVersion}, {c.Snapshotter}, gzip by {c.Decompressor}, cache {c.CacheMode}, kernel {c.Kernel}");
        foreach (var feature in calibration.Model.Features)
        {
            var (scale, unit) = Unit(feature.Name);
            var value = string.Create(CultureInfo.InvariantCulture, $"{feature.Coefficient * scale,10:F3} ± {feature.StandardError * scale:F3} {unit}");
            output.WriteLine($"  {feature.Name,-24} {value}{(feature.AtBound ? "  (held at zero: the data asked for a negative cost)" : "")}");
        }

        var error = calibration.TrainingError;
        output.WriteLine(Percentages("error on training layers", error.Layers));
        output.WriteLine(Percentages("error on training images", error.Cases));
        output.WriteLine(error.CrossValidation is { } cv
            ? Percentages("error on images left out (leave-one-out)", cv)
            : "  error on images left out: not computed (fewer than three images could be left out)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  residual standard error {calibration.Model.ResidualStandardError:P1}, {calibration.Model.DegreesOfFreedom} degrees of freedom"));
        foreach (var note in calibration.Notes)
        {
            output.WriteLine($"note: {note}");
        }

        if (calibration.Stability is { } stability)
        {
            output.WriteLine(stability.Stable
                ? string.Create(CultureInfo.InvariantCulture, $"  drift check: {CalibrationDrift.Describe(stability)}, within {stability.MaxRatio:F2}×: the node held still")
                : $"warning: {CalibrationDrift.Warning(stability)}");
        }
    }

    private static string Percentages(string what, ErrorSummary summary) =>
        string.Create(CultureInfo.InvariantCulture, $"  {what}: median {summary.MedianAbsoluteRelativeError:P1}, max {summary.MaxAbsoluteRelativeError:P1} over {summary.Count}");

    private static (double Scale, string Unit) Unit(string feature) => feature switch
    {
        "layers" => (1e3, "ms per layer"),
        "unpacks" => (1e3, "ms per unpack"),
        "gzip_layers" => (1e3, "ms per gzip layer"),
        "zstd_layers" => (1e3, "ms per zstd layer"),
        "gzip_entries" => (1e6, "µs per gzip entry"),
        "path_components" => (1e6, "µs per path component"),
        "files" => (1e6, "µs per file"),
        "directories" => (1e6, "µs per directory"),
        "other_entries" => (1e6, "µs per link or whiteout"),
        _ => (1e9, "s per GB"),
    };
}
