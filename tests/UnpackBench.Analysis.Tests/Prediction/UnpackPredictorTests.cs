using UnpackBench.Analysis.Prediction;

namespace UnpackBench.Analysis.Tests.Prediction;

public sealed class UnpackPredictorTests
{
    [Fact]
    public void Intervals_cover_about_95_percent_of_new_layers_with_the_training_scatter()
    {
        var random = new Random(5);
        var spread = SyntheticLayers.Spread();
        var covered = 0;
        var total = 0;
        for (var trial = 0; trial < 40; trial++)
        {
            var model = UnpackModelFitter.Fit(spread.Select(l => new TrainingLayer(l.Case, l.Features, Noisy(l.Features, random))).ToList()).Model;
            foreach (var (_, features) in spread.Where((_, i) => i % 4 == trial % 4))
            {
                var (layers, _) = UnpackPredictor.Predict(model, [features]);
                var measured = Noisy(features, random);
                covered += measured >= layers[0].LowerSeconds && measured <= layers[0].UpperSeconds ? 1 : 0;
                total++;
            }
        }

        Assert.InRange((double)covered / total, 0.90, 0.99);
    }

    [Fact]
    public void The_total_is_the_sum_of_the_layers_with_an_interval_around_it()
    {
        var model = UnpackModelFitter.Fit(SyntheticLayers.Spread().Select(l => new TrainingLayer(l.Case, l.Features, SyntheticLayers.TrueSeconds(l.Features) * (1 + (0.01 * l.Features.Files % 3)))).ToList()).Model;
        var image = new[] { SyntheticLayers.Layer("gzip", 30_000_000, 80_000_000, 9000, 800, 300), SyntheticLayers.Layer("zstd", 5_000_000, 12_000_000, 200, 20) };

        var (layers, total) = UnpackPredictor.Predict(model, image);

        Assert.Equal(layers.Sum(l => l.Seconds), total.Seconds, 9);
        Assert.True(total.LowerSeconds < total.Seconds && total.Seconds < total.UpperSeconds);
        Assert.All(layers, l => Assert.True(l.LowerSeconds <= l.Seconds && l.Seconds <= l.UpperSeconds));
    }

    [Fact]
    public void A_layer_of_a_compression_the_calibration_never_measured_is_refused_naming_layer_and_media_type()
    {
        var model = UnpackModelFitter.Fit(SyntheticLayers.Spread(["gzip", "none"]).Select(l => new TrainingLayer(l.Case, l.Features, SyntheticLayers.TrueSeconds(l.Features))).ToList()).Model;
        var zstd = SyntheticLayers.Layer("zstd", 1000, 4000, 2);

        var error = Assert.Throws<PredictionException>(() => UnpackPredictor.Predict(model, [SyntheticLayers.Layer("gzip", 1000, 4000, 2), zstd]));

        Assert.Contains($"layer 2/2 ({zstd.Digest})", error.Message, StringComparison.Ordinal);
        Assert.Contains(Core.Images.MediaTypes.OciLayerZstd, error.Message, StringComparison.Ordinal);
        Assert.Contains("no coefficients for zstd layers", error.Message, StringComparison.Ordinal);
    }

    private static double Noisy(Core.Prediction.LayerFeatures features, Random random) =>
        SyntheticLayers.TrueSeconds(features) * (1 + (0.05 * SyntheticLayers.Normal(random)));
}
