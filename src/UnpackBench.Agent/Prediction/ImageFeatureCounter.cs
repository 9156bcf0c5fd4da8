using UnpackBench.Agent.Images;
using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Agent.Prediction;

/// <summary>
/// Counts the features of every layer of a resolved image, streaming each blob once from its source
/// (registry or archive) — nothing is written to disk and nothing is unpacked.
/// </summary>
internal static class ImageFeatureCounter
{
    /// <summary>Counts <paramref name="image"/>'s layers read from <paramref name="source"/>.</summary>
    /// <param name="source">Where the blobs come from; <see cref="IImageSource.ResolveAsync"/> has run.</param>
    /// <param name="image">The resolved image.</param>
    /// <param name="progress">Told "layer i/n" as each layer starts.</param>
    /// <param name="cancellationToken">Stops the count.</param>
    /// <exception cref="PredictionException">A layer's media type is not a tar layer containerd applies.</exception>
    /// <exception cref="ImageSourceException">A blob cannot be read or is corrupt.</exception>
    public static async Task<ImageFeatures> CountAsync(IImageSource source, ResolvedImage image, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var layers = image.Manifest.Layers;
        LayerCoverage.Check(null, layers.Select(l => (l.Digest.ToString(), l.MediaType)).ToList());
        var counted = new List<LayerFeatures>(layers.Count);
        for (var i = 0; i < layers.Count; i++)
        {
            var what = $"layer {i + 1}/{layers.Count}";
            progress?.Report($"{what}: {layers[i].Size:N0} bytes, {layers[i].MediaType}");
            var blob = await source.OpenBlobAsync(layers[i], cancellationToken);
            counted.Add(await LayerFeatureCounter.CountAsync(blob, layers[i], image.Config.DiffIds[i], what, cancellationToken));
        }

        return new ImageFeatures
        {
            Reference = source.DisplayName,
            Digest = image.Root.Digest.ToString(),
            ManifestDigest = image.ManifestDescriptor.Digest.ToString(),
            Platform = image.Config.Platform.ToString(),
            Layers = counted,
        };
    }
}
