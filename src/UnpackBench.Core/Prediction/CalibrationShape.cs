using System.Globalization;

namespace UnpackBench.Core.Prediction;

/// <summary>
/// The checks a calibration document must pass beyond parsing: a model whose parts agree with each
/// other, with finite, non-negative coefficients, so a prediction from it is a number.
/// </summary>
public static class CalibrationShape
{
    /// <summary>Throws <see cref="PredictionDocumentException"/> naming the first problem of <paramref name="calibration"/>.</summary>
    public static void Check(CalibrationDocument calibration, string source)
    {
        if (Problem(calibration.Model) is { } problem)
        {
            throw new PredictionDocumentException($"{source} has an unusable model: {problem}; calibrate again with unpackbench-agent calibrate");
        }
    }

    /// <summary>The first thing wrong with <paramref name="model"/>, or null.</summary>
    public static string? Problem(UnpackModel model)
    {
        var count = model.Features.Count;
        if (count == 0)
        {
            return "it has no features";
        }

        if (model.Features.FirstOrDefault(f => !double.IsFinite(f.Coefficient) || f.Coefficient < 0 || !double.IsFinite(f.StandardError)) is { } bad)
        {
            return string.Create(CultureInfo.InvariantCulture, $"feature '{bad.Name}' has coefficient {bad.Coefficient} and standard error {bad.StandardError}");
        }

        if (model.Covariance.Count != count || model.Covariance.Any(row => row.Count != count || row.Any(v => !double.IsFinite(v))))
        {
            return $"its covariance is not a finite {count}×{count} matrix";
        }

        if (model.DegreesOfFreedom < 1 || !double.IsFinite(model.ResidualStandardError) || model.ResidualStandardError < 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"it has {model.DegreesOfFreedom} degrees of freedom and residual standard error {model.ResidualStandardError}");
        }

        return model.Compressions.Count == 0 ? "it covers no layer compression" : null;
    }
}
