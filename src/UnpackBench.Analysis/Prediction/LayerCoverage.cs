using UnpackBench.Core.Images;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Analysis.Prediction;

/// <summary>
/// Whether a model can predict an image's layers at all, decided from their media types alone — so a
/// prediction that must fail fails before gigabytes of layers are streamed.
/// </summary>
public static class LayerCoverage
{
    /// <summary>Throws <see cref="PredictionException"/> for the first layer <paramref name="model"/> has no coefficients for.</summary>
    /// <param name="model">The calibration's model; null checks only that the media types are layers containerd applies.</param>
    /// <param name="layers">Each layer's digest and media type, base first.</param>
    public static void Check(UnpackModel? model, IReadOnlyList<(string Digest, string MediaType)> layers)
    {
        for (var i = 0; i < layers.Count; i++)
        {
            var (digest, mediaType) = layers[i];
            if (!MediaTypes.IsSupportedLayer(mediaType))
            {
                throw new PredictionException(
                    $"layer {i + 1}/{layers.Count} ({digest}) has media type {mediaType}, which is not a layer containerd's differ applies, so no calibration has coefficients for it; " +
                    "only tar layers (uncompressed, gzip or zstd; OCI or Docker media types) can be predicted");
            }

            var compression = MediaTypes.CompressionOf(mediaType);
            if (model is not null && !model.Compressions.Contains(compression))
            {
                throw new PredictionException(
                    $"layer {i + 1}/{layers.Count} ({digest}) has media type {mediaType}, but the calibration has no coefficients for {compression} layers " +
                    $"(it measured {string.Join(", ", model.Compressions)} layers); calibrate again with a set that has {compression} layers (the standard set has gzip, zstd and uncompressed ones)");
            }
        }
    }
}
