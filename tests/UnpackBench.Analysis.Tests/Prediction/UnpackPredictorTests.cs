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
            var model = UnpackModelFitter.Fit(spread.Select(l => l.Training(Noisy(l.Features, l.Position, random))).ToList()).Model;
            foreach (var features in spread.Where((l, i) => l.Position == 1 && i % 4 == trial % 4).Select(l => l.Features))
            {
                var (layers, _) = UnpackPredictor.Predict(model, [features]);
                var measured = Noisy(features, 1, random);
                covered += measured >= layers[0].LowerSeconds && measured <= layers[0].UpperSeconds ? 1 : 0;
                total++;
            }
        }

        Assert.InRange((double)covered / total, 0.90, 0.99);
    }

    [Fact]
    public void The_total_is_the_sum_of_the_layers_with_an_interval_around_it()
    {
        var model = UnpackModelFitter.Fit(SyntheticLayers.Spread().Select(l => l.Training(SyntheticLayers.TrueSeconds(l.Features, l.Position) * (1 + (0.01 * l.Features.Files % 3)))).ToList()).Model;
        var image = new[] { SyntheticLayers.Layer("gzip", 30_000_000, 80_000_000, 9000, 800, 300), SyntheticLayers.Layer("zstd", 5_000_000, 12_000_000, 200, 20) };

        var (layers, total) = UnpackPredictor.Predict(model, image);

        Assert.Equal(layers.Sum(l => l.Seconds), total.Seconds, 9);
        Assert.True(total.LowerSeconds < total.Seconds && total.Seconds < total.UpperSeconds);
        Assert.All(layers, l => Assert.True(l.LowerSeconds <= l.Seconds && l.Seconds <= l.UpperSeconds));
    }

    [Fact]
    public void The_fixed_cost_of_an_unpack_is_predicted_once_on_the_layer_unpacked_first()
    {
        var model = UnpackModelFitter.Fit(SyntheticLayers.Spread().Select(l => l.Exact()).ToList()).Model;
        var layer = SyntheticLayers.Layer("gzip", 300_000, 1_000_000, 40, 4);

        var (layers, total) = UnpackPredictor.Predict(model, [layer, layer, layer]);

        Assert.Equal(SyntheticLayers.TrueSeconds(layer, 1), layers[0].Seconds, 9);
        Assert.All(layers.Skip(1), l => Assert.Equal(SyntheticLayers.TrueSeconds(layer, 2), l.Seconds, 9));
        Assert.Equal(SyntheticLayers.KnownCoefficients["unpacks"], layers[0].Seconds - layers[1].Seconds, 9);
        Assert.Equal(layers.Sum(l => l.Seconds), total.Seconds, 9);
    }

    [Fact]
    public void A_layer_of_a_compression_the_calibration_never_measured_is_refused_naming_layer_and_media_type()
    {
        var model = UnpackModelFitter.Fit(SyntheticLayers.Spread(["gzip", "none"]).Select(l => l.Exact()).ToList()).Model;
        var zstd = SyntheticLayers.Layer("zstd", 1000, 4000, 2);

        var error = Assert.Throws<PredictionException>(() => UnpackPredictor.Predict(model, [SyntheticLayers.Layer("gzip", 1000, 4000, 2), zstd]));

        Assert.Contains($"layer 2/2 ({zstd.Digest})", error.Message, StringComparison.Ordinal);
        Assert.Contains(Core.Images.MediaTypes.OciLayerZstd, error.Message, StringComparison.Ordinal);
        Assert.Contains("no coefficients for zstd layers", error.Message, StringComparison.Ordinal);
    }

    private static double Noisy(Core.Prediction.LayerFeatures features, int position, Random random) =>
        SyntheticLayers.TrueSeconds(features, position) * (1 + (0.05 * SyntheticLayers.Normal(random)));
}
