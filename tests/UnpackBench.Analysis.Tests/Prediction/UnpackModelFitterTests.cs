using UnpackBench.Analysis.Prediction;

namespace UnpackBench.Analysis.Tests.Prediction;

public sealed class UnpackModelFitterTests
{
    [Fact]
    public void Exact_times_give_back_the_known_coefficients()
    {
        var layers = SyntheticLayers.Spread().Select(l => l.Exact()).ToList();

        var model = UnpackModelFitter.Fit(layers).Model;

        Assert.Equal(SyntheticLayers.KnownCoefficients.Keys.Order(), model.Features.Select(f => f.Name).Order());
        Assert.All(model.Features, f => Assert.Equal(SyntheticLayers.KnownCoefficients[f.Name], f.Coefficient, SyntheticLayers.KnownCoefficients[f.Name] * 1e-6));
        Assert.True(model.ResidualStandardError < 1e-9, $"residual standard error {model.ResidualStandardError}");
        Assert.Equal(["gzip", "zstd", "none"], model.Compressions);
    }

    [Fact]
    public void Times_with_five_percent_scatter_give_the_coefficients_within_their_standard_errors()
    {
        var random = new Random(11);
        var layers = SyntheticLayers.Spread()
            .Select(l => l.Training(SyntheticLayers.TrueSeconds(l.Features, l.Position) * (1 + (0.05 * SyntheticLayers.Normal(random)))))
            .ToList();

        var model = UnpackModelFitter.Fit(layers).Model;

        Assert.InRange(model.ResidualStandardError, 0.03, 0.07);
        foreach (var feature in model.Features.Where(f => !f.AtBound))
        {
            var known = SyntheticLayers.KnownCoefficients[feature.Name];
            Assert.True(Math.Abs(feature.Coefficient - known) < 4 * feature.StandardError, $"{feature.Name}: {feature.Coefficient} ± {feature.StandardError}, known {known}");
        }

        // The costs that dominate real layers come out within 10 %.
        foreach (var name in new[] { "layers", "files", "directories", "uncompressed_bytes", "gzip_compressed_bytes" })
        {
            var known = SyntheticLayers.KnownCoefficients[name];
            Assert.InRange(model.Features.Single(f => f.Name == name).Coefficient, known * 0.9, known * 1.1);
        }
    }

    [Fact]
    public void A_cost_that_is_truly_zero_is_held_at_zero_rather_than_fitted_negative()
    {
        var random = new Random(3);
        var layers = SyntheticLayers.Spread()
            .Select(l => l with { Features = l.Features with { Symlinks = 0 } })
            .Select(l => l with { Features = l.Features with { Directories = l.Features.Directories + random.Next(0, 3000) } })
            .Select(l => l.Training((SyntheticLayers.TrueSeconds(l.Features, l.Position) - (70e-6 * l.Features.Directories)) * (1 + (0.08 * SyntheticLayers.Normal(random)))))
            .ToList();

        var model = UnpackModelFitter.Fit(layers).Model;

        Assert.All(model.Features, f => Assert.True(f.Coefficient >= 0, $"{f.Name} = {f.Coefficient}"));
        var directories = model.Features.Single(f => f.Name == "directories");
        Assert.True(directories.AtBound || directories.Coefficient < 3 * directories.StandardError, $"directories = {directories.Coefficient} ± {directories.StandardError}");
    }

    [Fact]
    public void Terms_the_training_layers_cannot_tell_apart_are_left_out()
    {
        // Only gzip layers: no zstd terms, and gzip's uncompressed bytes and layers are the same columns as all uncompressed bytes and layers.
        var layers = SyntheticLayers.Spread(["gzip"]).Select(l => l.Exact()).ToList();

        var model = UnpackModelFitter.Fit(layers).Model;

        Assert.Equal(["gzip"], model.Compressions);
        Assert.Equal(["layers", "unpacks", "files", "directories", "other_entries", "path_components", "uncompressed_bytes", "gzip_compressed_bytes"], model.Features.Select(f => f.Name));
        Assert.Equal(model.Features.Count, model.Covariance.Count);
    }

    [Fact]
    public void Fewer_layers_than_terms_is_refused_with_the_counts()
    {
        var layers = SyntheticLayers.Spread().Take(5).Select(l => l.Training(1)).ToList();

        var error = Assert.Throws<ArgumentException>(() => UnpackModelFitter.Fit(layers));

        Assert.Contains("5 training layers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_positive_time_is_refused_naming_its_case()
    {
        var layers = SyntheticLayers.Spread().Select(l => l.Training(l.Case == "case-4" ? 0 : 1)).ToList();

        var error = Assert.Throws<ArgumentException>(() => UnpackModelFitter.Fit(layers));

        Assert.Contains("case-4", error.Message, StringComparison.Ordinal);
    }
}
