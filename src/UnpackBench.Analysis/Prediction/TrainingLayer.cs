using UnpackBench.Core.Prediction;

namespace UnpackBench.Analysis.Prediction;

/// <summary>One layer the model is fitted to.</summary>
/// <param name="Case">The calibration case (image) it belongs to; cross-validation leaves whole cases out.</param>
/// <param name="Position">Its position in the case's image, 1-based: 1 is unpacked first.</param>
/// <param name="Features">Its counted features.</param>
/// <param name="MeasuredSeconds">Its measured unpack time (the median over runs), positive.</param>
public sealed record TrainingLayer(string Case, int Position, LayerFeatures Features, double MeasuredSeconds);
