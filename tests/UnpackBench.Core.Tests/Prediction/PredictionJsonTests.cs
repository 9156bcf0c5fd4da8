using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;

namespace UnpackBench.Core.Tests.Prediction;

public sealed class PredictionJsonTests
{
    [Fact]
    public void A_calibration_document_reads_back_as_written_with_snake_case_keys()
    {
        var calibration = CalibrationSamples.Calibration();

        var json = PredictionJson.Serialize(calibration);
        var read = PredictionJson.ReadCalibration(json, "node-1.json");

        Assert.Contains("\"kind\": \"unpackbench.calibration\"", json, StringComparison.Ordinal);
        Assert.Contains("\"residual_standard_error\": 0.05", json, StringComparison.Ordinal);
        Assert.Contains("\"cache_mode\": \"warm\"", json, StringComparison.Ordinal);
        Assert.Equal(PredictionJson.Serialize(read), json);
    }

    [Fact]
    public void A_calibration_with_thousands_of_training_layers_still_fits_a_config_map()
    {
        var json = PredictionJson.Serialize(CalibrationSamples.Calibration(observations: 500));

        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(json), 1, PredictionJson.MaxDocumentBytes);
    }

    [Fact]
    public void A_calibration_document_over_a_config_maps_limit_is_refused_when_written()
    {
        var error = Assert.Throws<PredictionDocumentException>(() => PredictionJson.Serialize(CalibrationSamples.Calibration(observations: 3000)));

        Assert.Contains("ConfigMap", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"kind\": \"unpackbench.calibration\", \"schema_version\": 1, \"set\": ", "not valid JSON")]
    [InlineData("{ \"schema_version\": 1, \"benchmark_config\": {} }", "it has no \"kind\"")]
    [InlineData("{ \"kind\": \"unpackbench.prediction\", \"schema_version\": 1 }", "its kind is 'unpackbench.prediction'")]
    [InlineData("{ \"kind\": \"unpackbench.calibration\", \"schema_version\": 7 }", "schema_version 7")]
    [InlineData("{ \"kind\": \"unpackbench.calibration\", \"schema_version\": 1, \"set\": \"quick\" }", "incomplete or corrupt")]
    [InlineData("[1, 2]", "it has no \"kind\"")]
    public void A_corrupt_or_foreign_calibration_document_is_refused_saying_what_is_wrong(string json, string expected)
    {
        var error = Assert.Throws<PredictionDocumentException>(() => PredictionJson.ReadCalibration(json, "cal.json"));

        Assert.StartsWith("cal.json ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("unpackbench-agent calibrate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_calibration_whose_model_is_inconsistent_is_refused_naming_the_problem()
    {
        var calibration = CalibrationSamples.Calibration();
        var broken = calibration with { Model = calibration.Model with { Covariance = [[1.0]] } };

        var error = Assert.Throws<PredictionDocumentException>(() => PredictionJson.ReadCalibration(PredictionJson.Serialize(broken), "cal.json"));

        Assert.Contains("covariance is not a finite 2×2 matrix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_coefficient_is_refused()
    {
        var calibration = CalibrationSamples.Calibration();
        var broken = calibration with { Model = calibration.Model with { Features = [.. calibration.Model.Features.Take(1), calibration.Model.Features[1] with { Coefficient = -1 }] } };

        var error = Assert.Throws<PredictionDocumentException>(() => PredictionJson.ReadCalibration(PredictionJson.Serialize(broken), "cal.json"));

        Assert.Contains("feature 'files' has coefficient -1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_document_given_as_calibration_is_refused_as_not_a_calibration()
    {
        var result = ResultJson.Serialize(new BenchmarkResult
        {
            BenchmarkConfig = new BenchmarkConfig { TargetImage = "x", NumRuns = 1, WarmupRuns = 0, Platform = "linux/amd64", Timestamp = DateTimeOffset.UnixEpoch, Snapshotter = "overlayfs", Source = "pull" },
            Summary = new BenchmarkSummary { SuccessfulRuns = 0, FailedRuns = 0 },
            Runs = [],
            Image = new ImageDescription { Reference = "x", Digest = "d", MediaType = "m", ManifestDigest = "d", ConfigDigest = "c", Platform = "linux/amd64", Layers = [], TotalCompressedBytes = 0 },
            Environment = CalibrationSamples.Calibration().Node,
        });

        var error = Assert.Throws<PredictionDocumentException>(() => PredictionJson.ReadCalibration(result, "benchmark.json"));

        Assert.Contains("is not a unpackbench.calibration document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counted_image_features_read_back_as_written_and_are_not_taken_for_a_calibration()
    {
        var features = new ImageFeatures { Reference = "example.com/app:1", Digest = "sha256:i", ManifestDigest = "sha256:m", Platform = "linux/amd64", Layers = [CalibrationSamples.Layer(1), CalibrationSamples.Layer(2)] };

        var json = PredictionJson.Serialize(features);
        var read = PredictionJson.ReadFeatures(json, "features.json");

        Assert.Contains("\"kind\": \"unpackbench.image-features\"", json, StringComparison.Ordinal);
        Assert.Equal(features.Layers, read.Layers);
        Assert.Contains("is not a unpackbench.calibration document (its kind is 'unpackbench.image-features')", Assert.Throws<PredictionDocumentException>(() => PredictionJson.ReadCalibration(json, "features.json")).Message, StringComparison.Ordinal);
    }
}
