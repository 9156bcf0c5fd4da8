using UnpackBench.Core.Prediction;

namespace UnpackBench.Analysis.Prediction;

/// <summary>A calibration layer as measured: its case, position, features and each successful run's time.</summary>
/// <param name="Case">The calibration case (a synthetic image).</param>
/// <param name="Layer">Its position in the case's image, 1-based.</param>
/// <param name="Features">Its counted features.</param>
/// <param name="RunSeconds">Its time in each successful timed run (at least one).</param>
public sealed record MeasuredLayer(string Case, int Layer, LayerFeatures Features, IReadOnlyList<double> RunSeconds)
{
    /// <summary>The median of <see cref="RunSeconds"/>.</summary>
    public double MedianSeconds
    {
        get
        {
            var sorted = RunSeconds.Order().ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
