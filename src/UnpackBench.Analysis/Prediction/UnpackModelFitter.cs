using MathNet.Numerics.LinearAlgebra;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Analysis.Prediction;

/// <summary>
/// Fits the unpack-time model to measured layers: time = Σ coefficient × feature, every coefficient
/// ≥ 0, minimising the squared <i>relative</i> residuals (each row divided by its measured time), because
/// the goal is a relative error and layer times span four orders of magnitude — plain least squares
/// would fit the largest layers and ignore the small ones. Terms are considered in
/// <see cref="UnpackFeature.All"/>'s order; a term for a compression no training layer has, or one
/// the training layers cannot tell apart from the terms before it, is left out.
/// </summary>
public static class UnpackModelFitter
{
    /// <summary>The <see cref="UnpackModel.Method"/> this fitter writes.</summary>
    public const string Method = "non-negative least squares (Lawson-Hanson) on relative residuals";

    /// <summary>Fits the model to <paramref name="layers"/>.</summary>
    /// <exception cref="ArgumentException">Too few layers for the terms they call for, or a non-positive time.</exception>
    public static FittedModel Fit(IReadOnlyList<TrainingLayer> layers)
    {
        if (layers.FirstOrDefault(l => !(l.MeasuredSeconds > 0) || !double.IsFinite(l.MeasuredSeconds)) is { } bad)
        {
            throw new ArgumentException($"layer of case '{bad.Case}' has measured time {bad.MeasuredSeconds}; every time must be positive", nameof(layers));
        }

        var compressions = UnpackFeature.Compressions.Where(c => layers.Any(l => l.Features.Compression == c)).ToList();
        var features = Identifiable(layers, UnpackFeature.All.Where(f => f.Compression is null || compressions.Contains(f.Compression)).ToList());
        if (layers.Count <= features.Count)
        {
            throw new ArgumentException($"{layers.Count} training layers cannot fit {features.Count} terms and leave any degree of freedom; measure more layers", nameof(layers));
        }

        var (design, scales) = Design(layers, features);
        var ones = Vector<double>.Build.Dense(layers.Count, 1.0);
        var solution = NonNegativeLeastSquares.Solve(design, ones);
        var residuals = ones - (design * solution.Coefficients);
        var free = solution.Free.Count(f => f);
        var degrees = layers.Count - free;
        var sigma = Math.Sqrt(residuals.DotProduct(residuals) / degrees);
        var covariance = Covariance(design, solution.Free, sigma, scales);

        var modelFeatures = features.Select((f, j) => new ModelFeature
        {
            Name = f.Name,
            Coefficient = solution.Coefficients[j] / scales[j],
            StandardError = Math.Sqrt(covariance[j, j]),
            AtBound = !solution.Free[j],
        }).ToList();
        var model = new UnpackModel
        {
            Method = Method,
            Features = modelFeatures,
            Compressions = compressions,
            Covariance = covariance.ToRowArrays(),
            ResidualStandardError = sigma,
            DegreesOfFreedom = degrees,
        };
        return new FittedModel(model, layers.Select(l => UnpackPredictor.PointEstimate(model, l.Features, l.Position)).ToList());
    }

    // Rows divided by the measured time (relative residuals), columns by their norm (so the solver's
    // tolerances mean the same for a count of layers and a count of bytes).
    private static (Matrix<double> Design, double[] Scales) Design(IReadOnlyList<TrainingLayer> layers, List<UnpackFeature> features)
    {
        var design = Matrix<double>.Build.Dense(layers.Count, features.Count, (i, j) => features[j].Count(layers[i].Features, layers[i].Position) / layers[i].MeasuredSeconds);
        var scales = Enumerable.Range(0, features.Count).Select(j => design.Column(j).L2Norm()).ToArray();
        for (var j = 0; j < features.Count; j++)
        {
            design.SetColumn(j, design.Column(j) / scales[j]);
        }

        return (design, scales);
    }

    private static List<UnpackFeature> Identifiable(IReadOnlyList<TrainingLayer> layers, IReadOnlyList<UnpackFeature> candidates)
    {
        var kept = new List<UnpackFeature>();
        foreach (var candidate in candidates)
        {
            var trial = kept.Append(candidate).ToList();
            var (design, scales) = Design(layers, trial);
            if (scales.All(s => s > 0) && design.Rank() == trial.Count)
            {
                kept = trial;
            }
        }

        return kept;
    }

    // σ² (AᵀA)⁻¹ over the free coefficients, in the features' own units; held coefficients have none.
    private static Matrix<double> Covariance(Matrix<double> design, IReadOnlyList<bool> free, double sigma, double[] scales)
    {
        var count = design.ColumnCount;
        var covariance = Matrix<double>.Build.Dense(count, count);
        var indices = Enumerable.Range(0, count).Where(j => free[j]).ToList();
        if (indices.Count == 0)
        {
            return covariance;
        }

        var sub = Matrix<double>.Build.DenseOfColumnVectors(indices.Select(design.Column));
        var inverse = sub.TransposeThisAndMultiply(sub).Inverse() * (sigma * sigma);
        for (var p = 0; p < indices.Count; p++)
        {
            for (var q = 0; q < indices.Count; q++)
            {
                covariance[indices[p], indices[q]] = inverse[p, q] / (scales[indices[p]] * scales[indices[q]]);
            }
        }

        return covariance;
    }
}
