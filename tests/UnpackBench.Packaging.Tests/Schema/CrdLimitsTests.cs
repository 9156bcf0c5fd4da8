using System.Text.Json.Nodes;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Prediction;
using UnpackBench.Core.Variants;
using UnpackBench.Packaging.Tests.Infrastructure;

namespace UnpackBench.Packaging.Tests.Schema;

/// <summary>The CRD's minimum, maximum, default, length and pattern of each spec field are the limits Core defines, in every version.</summary>
public sealed class CrdLimitsTests
{
    public static TheoryData<string, IntegerLimit> IntegerFields => new()
    {
        { "runs", BenchmarkLimits.Runs },
        { "warmupRuns", BenchmarkLimits.WarmupRuns },
        { "sampleIntervalMs", BenchmarkLimits.SampleIntervalMs },
        { "timeoutSeconds", BenchmarkLimits.TimeoutSeconds },
        { "concurrency", BenchmarkLimits.Concurrency },
        { "linkMbps", BenchmarkLimits.LinkMbps },
        { "maxParallelNodes", BenchmarkLimits.MaxParallelNodes },
    };

    // YAML numbers come as whole or decimal JSON numbers; Core's are doubles.
    private static double Number(JsonNode? node) => double.Parse(node!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<(string Version, JsonObject Spec)> Specs() =>
        Crd.Versions(Crd.Load()).Select(v => (v.Version, v.Schema["properties"]!["spec"]!["properties"]!.AsObject()));

    [Theory]
    [MemberData(nameof(IntegerFields))]
    public void Integer_fields_have_the_cores_range_and_default(string field, IntegerLimit limit)
    {
        foreach (var (version, spec) in Specs())
        {
            var schema = spec[field]!;
            Assert.True(
                (limit.Min, limit.Max, limit.Default) == (schema["minimum"]!.GetValue<long>(), schema["maximum"]!.GetValue<long>(), schema["default"]!.GetValue<long>()),
                $"{version} spec.{field}: the CRD says {schema["minimum"]}–{schema["maximum"]} (default {schema["default"]}), Core says {limit.Range} (default {limit.Default})");
        }
    }

    [Fact]
    public void Text_and_list_fields_have_the_cores_limits()
    {
        foreach (var (version, spec) in Specs())
        {
            Assert.True(BenchmarkLimits.MaxImageReferenceLength == spec["image"]!["maxLength"]!.GetValue<long>(), $"{version} spec.image maxLength");
            Assert.True(BenchmarkLimits.SnapshotterPattern == spec["snapshotter"]!["pattern"]!.GetValue<string>(), $"{version} spec.snapshotter pattern");
            Assert.True(BenchmarkLimits.DefaultSnapshotter == spec["snapshotter"]!["default"]!.GetValue<string>(), $"{version} spec.snapshotter default");
            Assert.True(BenchmarkLimits.MaxImagePullSecrets == spec["imagePullSecrets"]!["maxItems"]!.GetValue<long>(), $"{version} spec.imagePullSecrets maxItems");
            Assert.True(BenchmarkLimits.MaxInsecureRegistries == spec["insecureRegistries"]!["maxItems"]!.GetValue<long>(), $"{version} spec.insecureRegistries maxItems");
        }
    }

    [Fact]
    public void The_baseline_threshold_has_the_cores_bounds_and_default()
    {
        foreach (var (version, spec) in Specs())
        {
            var threshold = spec["baseline"]!["properties"]!["thresholdPercent"]!;
            Assert.True(
                (ComparisonThreshold.ExclusiveMinimumPercent, true, ComparisonThreshold.ExclusiveMaximumPercent, true, ComparisonThreshold.DefaultPercent)
                == (Number(threshold["minimum"]), threshold["exclusiveMinimum"]!.GetValue<bool>(), Number(threshold["maximum"]), threshold["exclusiveMaximum"]!.GetValue<bool>(), Number(threshold["default"])),
                $"{version} spec.baseline.thresholdPercent: the CRD says {threshold}, Core says above {ComparisonThreshold.ExclusiveMinimumPercent} and below {ComparisonThreshold.ExclusiveMaximumPercent} (default {ComparisonThreshold.DefaultPercent})");
            Assert.True(BenchmarkBaseline.DefaultKey == spec["baseline"]!["properties"]!["key"]!["default"]!.GetValue<string>(), $"{version} spec.baseline.key default");
        }
    }

    [Fact]
    public void Variant_fields_have_the_cores_limits()
    {
        foreach (var (version, spec) in Specs())
        {
            Assert.True(BenchmarkLimits.MaxSnapshotters == spec["snapshotters"]!["maxItems"]!.GetValue<long>(), $"{version} spec.snapshotters maxItems");
            Assert.True(BenchmarkLimits.SnapshotterPattern == spec["snapshotters"]!["items"]!["pattern"]!.GetValue<string>(), $"{version} spec.snapshotters pattern");
            Assert.True(BenchmarkLimits.MaxWhatIf == spec["whatIf"]!["maxItems"]!.GetValue<long>(), $"{version} spec.whatIf maxItems");
            Assert.True(LayerEncoding.NamePattern == spec["whatIf"]!["items"]!["pattern"]!.GetValue<string>(), $"{version} spec.whatIf pattern");
            Assert.Equal(CacheModes.All.Select(CacheModes.Name), spec["cache"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
            Assert.True(CacheModes.Name(CacheMode.Warm) == spec["cache"]!["default"]!.GetValue<string>(), $"{version} spec.cache default");
        }
    }

    [Fact]
    public void Mode_fields_have_the_cores_names_and_limits()
    {
        foreach (var (version, spec) in Specs())
        {
            Assert.Equal(Enum.GetNames<BenchmarkMode>(), Strings(spec["mode"]!["enum"]));
            Assert.True(nameof(BenchmarkMode.Benchmark) == spec["mode"]!["default"]!.GetValue<string>(), $"{version} spec.mode default");
            var calibration = spec["calibration"]!["properties"]!;
            Assert.Equal(CalibrationSets.All, Strings(calibration["set"]!["enum"]));
            Assert.Equal(CacheModes.All.Select(CacheModes.Name), Strings(calibration["cache"]!["enum"]));
            Assert.Equal((BenchmarkLimits.Runs.Min, BenchmarkLimits.Runs.Max), Bounds(calibration["runs"]!));
            Assert.Equal((BenchmarkLimits.WarmupRuns.Min, BenchmarkLimits.WarmupRuns.Max), Bounds(calibration["warmupRuns"]!));
            Assert.True(calibration.AsObject().All(p => p.Value!["default"] is null), $"{version} spec.calibration has a default; absent fields are the agent's own defaults");
            var age = spec["prediction"]!["properties"]!["maxCalibrationAgeDays"]!;
            var limit = BenchmarkLimits.MaxCalibrationAgeDays;
            Assert.Equal((limit.Min, limit.Max, limit.Default), (Bounds(age).Min, Bounds(age).Max, (int)age["default"]!.GetValue<long>()));
        }
    }

    [Fact]
    public void Prediction_rows_have_the_cores_states()
    {
        foreach (var (_, schema, _) in Crd.Versions(Crd.Load()))
        {
            var state = schema["properties"]!["status"]!["properties"]!["predictions"]!["items"]!["properties"]!["state"]!;
            Assert.Equal([PredictionStates.Predicted, PredictionStates.NotCalibrated, PredictionStates.Failed], Strings(state["enum"]));
        }
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(v => v!.GetValue<string>())];

    private static (int Min, int Max) Bounds(JsonNode schema) => ((int)schema["minimum"]!.GetValue<long>(), (int)schema["maximum"]!.GetValue<long>());
}
