using System.Globalization;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Agent.Calibration;

/// <summary>Writes the calibration document as <c>calibration_&lt;UTC timestamp&gt;.json</c>, whole or not at all.</summary>
internal static class CalibrationFileWriter
{
    /// <summary>The file name stem for a calibration made at <paramref name="time"/>; its images' results go in a directory of that name.</summary>
    public static string Stem(DateTimeOffset time) => $"calibration_{time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";

    /// <summary>Writes <paramref name="calibration"/> as <paramref name="stem"/>.json in <paramref name="directory"/>; returns the path.</summary>
    public static async Task<string> WriteAsync(CalibrationDocument calibration, string directory, string stem, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, stem + ".json");
        var temporary = Path.Combine(directory, $".{stem}.{Environment.ProcessId}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, PredictionJson.Serialize(calibration) + Environment.NewLine, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            return path;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
