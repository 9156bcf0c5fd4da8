using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Analysis.Tests.Prediction;

/// <summary>One synthetic layer: its image (case), its position in it (1: unpacked first), its features.</summary>
internal sealed record SyntheticLayer(string Case, int Position, LayerFeatures Features)
{
    /// <summary>This layer as the fitter takes it, with <paramref name="seconds"/> as its measured time.</summary>
    public TrainingLayer Training(double seconds) => new(Case, Position, Features, seconds);

    /// <summary>This layer as measured exactly under the known coefficients.</summary>
    public TrainingLayer Exact() => Training(SyntheticLayers.TrueSeconds(Features, Position));
}
