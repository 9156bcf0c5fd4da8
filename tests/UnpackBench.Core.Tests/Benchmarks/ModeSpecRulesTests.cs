using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Core.Tests.Benchmarks;

/// <summary>What each mode asks of the rest of the spec, as the spec validator reports it.</summary>
public sealed class ModeSpecRulesTests
{
    private static readonly UnpackBenchmarkSpec Calibration = new() { Mode = BenchmarkMode.Calibrate, Placement = BenchmarkPlacement.EachNode };
    private static readonly UnpackBenchmarkSpec Prediction = new() { Mode = BenchmarkMode.Predict, Image = "python:3.12" };

    public static TheoryData<string, UnpackBenchmarkSpec, string> Invalid => new()
    {
        { "calibration on one node", Calibration with { Placement = BenchmarkPlacement.OneNode }, "mode Calibrate calibrates each node: set spec.placement to EachNode" },
        { "calibration with an image", Calibration with { Image = "python:3.12" }, "spec.image is not used by mode Calibrate" },
        { "calibration of two snapshotters", Calibration with { Snapshotters = ["overlayfs", "native"] }, "spec.snapshotters lists 2 snapshotters, but a calibration is for one" },
        { "unknown set", Calibration with { Calibration = new CalibrationSpec { Set = "huge" } }, "spec.calibration.set is 'huge'; it must be one of standard, quick" },
        { "calibration runs", Calibration with { Calibration = new CalibrationSpec { Runs = 0 } }, "spec.calibration.runs is 0; it must be between 1 and 100" },
        { "calibration cache", Calibration with { Calibration = new CalibrationSpec { Cache = "hot" } }, "spec.calibration.cache is 'hot'; it must be one of warm, cold, drop" },
        { "prediction pinned", Prediction with { NodeName = "worker-1" }, "mode Predict runs one agent, on any node, that counts the image" },
        { "prediction as a survey", Prediction with { Placement = BenchmarkPlacement.EachNode }, "mode Predict runs one agent" },
        { "prediction without image", Prediction with { Image = "" }, "spec.image is empty" },
        { "prediction age", Prediction with { Prediction = new PredictionSpec { MaxCalibrationAgeDays = 0 } }, "spec.prediction.maxCalibrationAgeDays is 0; it must be between 1 and 3650" },
        { "prediction with what-if", Prediction with { WhatIf = ["zstd"] }, "spec.whatIf, floor, durable and concurrency shape a benchmark's runs; mode Predict does not use them" },
        { "calibration section in a benchmark", new UnpackBenchmarkSpec { Image = "python:3.12", Calibration = new CalibrationSpec() }, "spec.calibration is only for mode Calibrate, but spec.mode is Benchmark" },
        { "prediction compared with a baseline", Prediction with { Baseline = new BenchmarkBaseline { Benchmark = "python-prod" } }, "spec.baseline compares a benchmark's result, but mode Predict has none to compare" },
        { "prediction section in a calibration", Calibration with { Prediction = new PredictionSpec() }, "spec.prediction is only for mode Predict, but spec.mode is Calibrate" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_mode_refuses_what_it_would_silently_ignore_or_cannot_do(string @case, UnpackBenchmarkSpec spec, string expected)
    {
        Assert.True(UnpackBenchmarkSpecValidator.Validate(spec).Any(p => p.StartsWith(expected, StringComparison.Ordinal)), $"{@case}: {string.Join(" | ", UnpackBenchmarkSpecValidator.Validate(spec))}");
    }

    [Fact]
    public void A_calibration_without_an_image_and_a_prediction_with_its_sections_are_valid()
    {
        Assert.Empty(UnpackBenchmarkSpecValidator.Validate(Calibration with { Calibration = new CalibrationSpec { Set = "quick", Runs = 1, WarmupRuns = 0, Cache = "warm" } }));
        Assert.Empty(UnpackBenchmarkSpecValidator.Validate(Prediction with { Prediction = new PredictionSpec { MaxCalibrationAgeDays = 7 } }));
    }

    [Fact]
    public void A_spec_benchmarks_unless_it_asks_for_another_mode_and_a_prediction_allows_a_month_by_default()
    {
        Assert.Equal(BenchmarkMode.Benchmark, new UnpackBenchmarkSpec().Mode);
        Assert.Equal(BenchmarkLimits.MaxCalibrationAgeDays.Default, new PredictionSpec().MaxCalibrationAgeDays);
    }
}
