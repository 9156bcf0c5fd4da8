using UnpackBench.Core.Prediction;

namespace UnpackBench.Analysis.Prediction;

/// <summary>A fitted model and its predictions for the layers it was fitted to.</summary>
/// <param name="Model">The model, as the calibration document stores it.</param>
/// <param name="Predicted">The prediction for each training layer, in the order given.</param>
public sealed record FittedModel(UnpackModel Model, IReadOnlyList<double> Predicted);
