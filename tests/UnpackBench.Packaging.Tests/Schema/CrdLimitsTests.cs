using System.Text.Json.Nodes;
using UnpackBench.Core.Benchmarks;
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
}
