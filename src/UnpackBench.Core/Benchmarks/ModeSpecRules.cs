using UnpackBench.Core.Prediction;
using UnpackBench.Core.Variants;

namespace UnpackBench.Core.Benchmarks;

/// <summary>
/// What each <see cref="BenchmarkMode"/> asks of the rest of the spec: a calibration has no image and runs on
/// each node, a prediction has one agent and no node of its own, and each mode's own section is refused in
/// the others — a field that would be silently ignored is an error instead. The CRD's rules say the same.
/// </summary>
public static class ModeSpecRules
{
    /// <summary>Adds a sentence per problem of <paramref name="spec"/>'s mode to <paramref name="problems"/>.</summary>
    public static void Check(UnpackBenchmarkSpec spec, List<string> problems)
    {
        if (spec.Mode != BenchmarkMode.Calibrate && spec.Calibration is not null)
        {
            problems.Add($"spec.calibration is only for mode Calibrate, but spec.mode is {spec.Mode}: remove it");
        }

        if (spec.Mode != BenchmarkMode.Predict && spec.Prediction is not null)
        {
            problems.Add($"spec.prediction is only for mode Predict, but spec.mode is {spec.Mode}: remove it");
        }

        if (spec.Mode != BenchmarkMode.Benchmark && spec.Baseline is not null)
        {
            problems.Add($"spec.baseline compares a benchmark's result, but mode {spec.Mode} has none to compare: remove it");
        }

        if (spec.Mode != BenchmarkMode.Benchmark && spec.Snapshotters.Count > 1)
        {
            problems.Add($"spec.snapshotters lists {spec.Snapshotters.Count} snapshotters, but a {(spec.Mode == BenchmarkMode.Calibrate ? "calibration" : "prediction")} is for one: set spec.snapshotter, once per snapshotter");
        }

        if (spec.Mode != BenchmarkMode.Benchmark && (spec.WhatIf.Count > 0 || spec.Floor || spec.Durable || spec.Concurrency != BenchmarkLimits.Concurrency.Default))
        {
            problems.Add($"spec.whatIf, floor, durable and concurrency shape a benchmark's runs; mode {spec.Mode} does not use them: remove them");
        }

        switch (spec.Mode)
        {
            case BenchmarkMode.Calibrate:
                Calibrate(spec, problems);
                break;
            case BenchmarkMode.Predict:
                Predict(spec, problems);
                break;
        }
    }

    private static void Calibrate(UnpackBenchmarkSpec spec, List<string> problems)
    {
        if (!string.IsNullOrEmpty(spec.Image))
        {
            problems.Add("spec.image is not used by mode Calibrate, which measures synthetic images: remove it");
        }

        if (spec.Placement != BenchmarkPlacement.EachNode)
        {
            problems.Add("mode Calibrate calibrates each node: set spec.placement to EachNode and choose the nodes with nodeSelector and tolerations");
        }

        if (spec.Calibration is not { } calibration)
        {
            return;
        }

        if (calibration.Set is { } set && !CalibrationSets.All.Contains(set))
        {
            problems.Add($"spec.calibration.set is '{set}'; it must be one of {string.Join(", ", CalibrationSets.All)}");
        }

        Range("spec.calibration.runs", calibration.Runs, BenchmarkLimits.Runs, problems);
        Range("spec.calibration.warmupRuns", calibration.WarmupRuns, BenchmarkLimits.WarmupRuns, problems);
        if (calibration.Cache is { } cache && CacheModes.TryParse(cache) is null)
        {
            problems.Add($"spec.calibration.cache is '{cache}'; it must be one of {string.Join(", ", CacheModes.All.Select(CacheModes.Name))}");
        }
    }

    private static void Predict(UnpackBenchmarkSpec spec, List<string> problems)
    {
        if (spec.Placement != BenchmarkPlacement.OneNode || !string.IsNullOrEmpty(spec.NodeName))
        {
            problems.Add("mode Predict runs one agent, on any node, that counts the image: leave spec.placement OneNode without nodeName, and choose the calibrated nodes to predict with nodeSelector");
        }

        Range("spec.prediction.maxCalibrationAgeDays", spec.Prediction?.MaxCalibrationAgeDays, BenchmarkLimits.MaxCalibrationAgeDays, problems);
    }

    private static void Range(string field, int? value, IntegerLimit limit, List<string> problems)
    {
        if (value is { } number && !limit.Allows(number))
        {
            problems.Add($"{field} is {number}; it must be between {limit.Min} and {limit.Max}");
        }
    }
}
