using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;

namespace UnpackBench.Analysis.Tests.Prediction;

public sealed class PredictionMakerTests
{
    private static readonly UnpackConditions Conditions = new() { Snapshotter = "overlayfs", CacheMode = "drop", Decompressor = "unpigz", ContainerdVersion = "1.6.20", Kernel = "6.1.0" };

    [Fact]
    public void A_prediction_needs_only_the_calibration_and_the_images_features()
    {
        var calibration = Calibration();
        var image = Image(SyntheticLayers.Layer("gzip", 10_000_000, 25_000_000, 800, 60, 20), SyntheticLayers.Layer("none", 2_000_000, 2_000_000, 10, 2));

        var prediction = PredictionMaker.Make(calibration, image, null, "node-2", DateTimeOffset.UnixEpoch);

        Assert.Equal(image.ManifestDigest, prediction.ManifestDigest);
        Assert.Equal([1, 2], prediction.Layers.Select(l => l.Layer));
        Assert.Equal(UnpackPredictor.Predict(calibration.Model, image.Layers).Total, prediction.Total);
        Assert.Equal(calibration.Conditions, prediction.Calibration.Conditions);
        Assert.Equal(calibration.TrainingError.CrossValidation, prediction.Calibration.CrossValidation);
        Assert.Empty(prediction.Warnings);
        Assert.Null(prediction.Check);
    }

    [Fact]
    public void Every_condition_that_differs_is_a_warning_naming_both_values_and_unknown_ones_are_not_compared()
    {
        var target = Conditions with { ContainerdVersion = "1.7.2", Snapshotter = "native", Kernel = ConditionComparison.Unknown };

        var warnings = ConditionComparison.Differences(Conditions, target, "this machine");

        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("the calibration was measured with containerd 1.6.20, but this machine has 1.7.2", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("the calibration was measured with snapshotter overlayfs, but this machine has native", warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_layer_far_beyond_the_calibrations_layers_is_flagged_as_an_extrapolation()
    {
        var prediction = PredictionMaker.Make(Calibration(), Image(SyntheticLayers.Layer("gzip", 1_000_000_000, 3_000_000_000, 10, 1)), Conditions, "this machine", DateTimeOffset.UnixEpoch);

        var warning = Assert.Single(prediction.Warnings);
        Assert.StartsWith("layer 1 (3000000000 bytes, 11 entries) is more than 4× the largest calibration layer", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_against_a_measurement_gives_the_relative_error_of_the_total_and_of_each_layer()
    {
        var image = Image(SyntheticLayers.Layer("gzip", 10_000_000, 25_000_000, 800, 60), SyntheticLayers.Layer("zstd", 2_000_000, 6_000_000, 10, 2));
        var prediction = PredictionMaker.Make(Calibration(), image, null, "this machine", DateTimeOffset.UnixEpoch);
        var measured = Result(image.ManifestDigest, [(0.30, 0.10), (0.32, 0.12), (0.50, 0.11)], cacheMode: "warm"); // totals 0.40, 0.44, 0.61

        var checkedPrediction = PredictionChecker.Check(prediction, measured, "benchmark.json");

        var check = checkedPrediction.Check!;
        Assert.Equal(0.44, check.MeasuredSeconds, 9);
        Assert.Equal((prediction.Total.Seconds - 0.44) / 0.44, check.RelativeError, 9);
        Assert.Equal(3, check.Runs);
        Assert.Equal([0.32, 0.11], check.Layers.Select(l => l.MeasuredSeconds));
        Assert.Equal((prediction.Layers[1].Predicted.Seconds - 0.11) / 0.11, check.Layers[1].RelativeError, 9);
        Assert.Contains(checkedPrediction.Warnings, w => w.StartsWith("the calibration was measured with cache mode drop, but the measurement benchmark.json has warm", StringComparison.Ordinal));
    }

    [Fact]
    public void A_measurement_of_another_image_is_refused()
    {
        var image = Image(SyntheticLayers.Layer("gzip", 10_000_000, 25_000_000, 800, 60));
        var prediction = PredictionMaker.Make(Calibration(), image, null, "this machine", DateTimeOffset.UnixEpoch);

        var error = Assert.Throws<PredictionException>(() => PredictionChecker.Check(prediction, Result("sha256:other", [(0.3, 0.3)]), "benchmark.json"));

        Assert.Contains("benchmark.json measured manifest sha256:other", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_calibration_whose_node_drifted_warns_in_every_prediction_and_a_stable_one_does_not()
    {
        var image = Image(SyntheticLayers.Layer("gzip", 10_000_000, 25_000_000, 800, 60));
        var drifted = Calibration() with { Stability = CalibrationDrift.Assess("files-4000", [0.285, 0.98, 1.07]) };
        var stable = Calibration() with { Stability = CalibrationDrift.Assess("files-4000", [0.285, 0.29, 0.281]) };

        var warned = PredictionMaker.Make(drifted, image, null, "this machine", DateTimeOffset.UnixEpoch);
        var quiet = PredictionMaker.Make(stable, image, null, "this machine", DateTimeOffset.UnixEpoch);

        var warning = Assert.Single(warned.Warnings);
        Assert.Equal(CalibrationDrift.Warning(drifted.Stability!), warning);
        Assert.Contains("files-4000 took 0.285, 0.980 and 1.070 s", warning, StringComparison.Ordinal);
        Assert.Contains("calibrate again when the node is quiet", warning, StringComparison.Ordinal);
        Assert.Empty(quiet.Warnings);
    }

    [Fact]
    public void A_calibration_measured_on_ext4_without_a_journal_warns_that_its_costs_depend_on_what_was_deleted_before()
    {
        var image = Image(SyntheticLayers.Layer("gzip", 10_000_000, 25_000_000, 800, 60));
        var calibration = Calibration();
        var withoutJournal = calibration with { Node = calibration.Node with { RootFilesystem = RootFilesystems.Ext4WithoutJournal } };

        var warned = PredictionMaker.Make(withoutJournal, image, null, "this machine", DateTimeOffset.UnixEpoch);

        Assert.Equal([PredictionMaker.WithoutJournal], warned.Warnings);
        Assert.Contains("calibrate and run on a journaled filesystem", warned.Warnings[0], StringComparison.Ordinal);
        Assert.Empty(PredictionMaker.Make(calibration, image, null, "this machine", DateTimeOffset.UnixEpoch).Warnings);
    }

    private static CalibrationDocument Calibration()
    {
        var measured = SyntheticLayers.Spread().Select((l, i) => new MeasuredLayer(l.Case, l.Position, l.Features, [SyntheticLayers.TrueSeconds(l.Features, l.Position) * (1 + (0.02 * ((i % 5) - 2)))])).ToList();
        var (model, error, observations) = CalibrationFit.Fit(measured);
        return new CalibrationDocument
        {
            CreatedAt = DateTimeOffset.UnixEpoch,
            Set = "test",
            Runs = 1,
            WarmupRuns = 0,
            Conditions = Conditions,
            Node = Environment(),
            Model = model,
            TrainingError = error,
            Observations = observations,
        };
    }

    private static ImageFeatures Image(params LayerFeatures[] layers) =>
        new() { Reference = "example.com/app:1", Digest = "sha256:index", ManifestDigest = "sha256:manifest", Platform = "linux/amd64", Layers = layers };

    private static BenchmarkResult Result(string manifest, IReadOnlyList<(double First, double Second)> runs, string cacheMode = "drop") => new()
    {
        BenchmarkConfig = new BenchmarkConfig { TargetImage = "x", NumRuns = runs.Count, WarmupRuns = 0, Platform = "linux/amd64", Timestamp = DateTimeOffset.UnixEpoch, Snapshotter = "overlayfs", Source = "pull", CacheMode = cacheMode },
        Summary = SummaryCalculator.Summarize(runs.Select((r, i) => Run(i + 1, r.First, r.Second)).ToList(), null),
        Runs = runs.Select((r, i) => Run(i + 1, r.First, r.Second)).ToList(),
        Image = new ImageDescription { Reference = "x", Digest = manifest, MediaType = "m", ManifestDigest = manifest, ConfigDigest = "c", Platform = "linux/amd64", Layers = [], TotalCompressedBytes = 0 },
        Environment = Environment(),
    };

    private static RunResult Run(int id, double first, double second) => new()
    {
        RunId = id,
        Status = RunResult.Success,
        DurationSeconds = first + second,
        Layers = [Timing("sha256:a", first), Timing("sha256:b", second)],
    };

    private static LayerTiming Timing(string digest, double seconds) =>
        new() { Digest = digest, DurationSeconds = seconds, PrepareSeconds = 0, ApplySeconds = seconds, CommitSeconds = 0 };

    private static EnvironmentDescription Environment() => new()
    {
        Hostname = "node-1",
        Kernel = "6.1.0",
        CpuModel = "cpu",
        CpuCount = 2,
        MemoryMb = 1024,
        RootFilesystem = "ext4",
        ContainerdVersion = "1.6.20",
        ContainerdRevision = "r",
        ContainerdMode = "private",
        Snapshotter = "overlayfs",
        Decompressor = "unpigz",
        AgentVersion = "0",
    };
}
