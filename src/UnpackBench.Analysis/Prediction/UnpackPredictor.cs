using MathNet.Numerics.Distributions;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Analysis.Prediction;

/// <summary>
/// Predicts unpack times from a fitted <see cref="UnpackModel"/> and counted layer features, with a
/// prediction interval: ŷ ± t(dof) · √(xᵀ C x + (s · ŷ)²), where C is the coefficients' covariance
/// (the uncertainty of the fit), s the relative residual standard error (the scatter of a single
/// layer around the model) and t Student's quantile at the model's degrees of freedom. For the whole
/// image, x is the sum of the layers' features and the scatter is taken as fully correlated between
/// layers (s times the total, not the root of summed squares): layers of one image unpack under the
/// same conditions, so their errors do not cancel.
/// </summary>
public static class UnpackPredictor
{
    /// <summary>The two-sided level of the intervals.</summary>
    public const double ConfidenceLevel = 0.95;

    /// <summary>The model's prediction for one layer at <paramref name="position"/> in its image (1: unpacked first), without an interval.</summary>
    public static double PointEstimate(UnpackModel model, LayerFeatures layer, int position) =>
        Vector(model, layer, position).Zip(model.Features, (x, f) => x * f.Coefficient).Sum();

    /// <summary>Each layer's prediction and the total; <paramref name="layers"/> are the image's, base first.</summary>
    /// <exception cref="PredictionException">A layer's compression is one the calibration did not cover, or the model has a term this version does not know.</exception>
    public static (IReadOnlyList<PredictedDuration> Layers, PredictedDuration Total) Predict(UnpackModel model, IReadOnlyList<LayerFeatures> layers)
    {
        LayerCoverage.Check(model, layers.Select(l => (l.Digest, l.MediaType)).ToList());
        var vectors = layers.Select((l, i) => Vector(model, l, i + 1)).ToList();
        var perLayer = vectors.Select(v => Interval(model, v)).ToList();
        var total = vectors.Count == 0
            ? new PredictedDuration(0, 0, 0)
            : Interval(model, Enumerable.Range(0, model.Features.Count).Select(j => vectors.Sum(v => v[j])).ToArray());
        return (perLayer, total);
    }

    /// <summary>The model's terms' values for <paramref name="layer"/> at <paramref name="position"/>, in the model's order.</summary>
    public static double[] Vector(UnpackModel model, LayerFeatures layer, int position) =>
        model.Features.Select(f => (UnpackFeature.Named(f.Name)
            ?? throw new PredictionException($"the calibration's model has a term '{f.Name}' this agent does not know; calibrate again with this agent")).Count(layer, position)).ToArray();

    private static PredictedDuration Interval(UnpackModel model, double[] x)
    {
        var estimate = x.Zip(model.Features, (v, f) => v * f.Coefficient).Sum();
        var fit = 0.0;
        for (var p = 0; p < x.Length; p++)
        {
            for (var q = 0; q < x.Length; q++)
            {
                fit += x[p] * model.Covariance[p][q] * x[q];
            }
        }

        var scatter = model.ResidualStandardError * estimate;
        var t = StudentT.InvCDF(0, 1, model.DegreesOfFreedom, (1 + ConfidenceLevel) / 2);
        var half = t * Math.Sqrt(Math.Max(0, fit) + (scatter * scatter));
        return new PredictedDuration(estimate, Math.Max(0, estimate - half), estimate + half);
    }
}
