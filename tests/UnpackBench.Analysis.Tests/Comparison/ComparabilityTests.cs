using UnpackBench.Analysis.Comparison;
using UnpackBench.Analysis.Tests.Support;
using UnpackBench.Core.Results;

namespace UnpackBench.Analysis.Tests.Comparison;

public sealed class ComparabilityTests
{
    private static readonly double[] Runs = [1.0, 1.1, 0.9, 1.05];

    public static TheoryData<string, Func<BenchmarkResult, BenchmarkResult>> Changes => new()
    {
        { "environment.hostname", r => r with { Environment = r.Environment with { Hostname = "node-2" } } },
        { "environment.snapshotter", r => r with { Environment = r.Environment with { Snapshotter = "native" } } },
        { "environment.decompressor", r => r with { Environment = r.Environment with { Decompressor = "builtin" } } },
        { "environment.containerd_version", r => r with { Environment = r.Environment with { ContainerdVersion = "1.7.0" } } },
        { "benchmark_config.cache_mode", r => r with { BenchmarkConfig = r.BenchmarkConfig with { CacheMode = "drop" } } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_different_setup_is_refused_naming_the_field_and_both_values(string field, Func<BenchmarkResult, BenchmarkResult> change)
    {
        var baseline = SampleResults.With(Runs);
        var candidate = change(SampleResults.With(Runs));

        var refusal = Assert.Throws<ComparisonRefusedException>(() => ResultComparer.Compare(baseline, candidate, new ComparisonOptions()));

        var difference = Assert.Single(refusal.Differences);
        Assert.Equal(field, difference.Field);
        Assert.True(refusal.Forceable);
        Assert.Contains(field, refusal.Message, StringComparison.Ordinal);
        Assert.Contains($"candidate \"{difference.Candidate}\"", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_forced_comparison_goes_ahead_and_records_what_differed(string field, Func<BenchmarkResult, BenchmarkResult> change)
    {
        var comparison = ResultComparer.Compare(SampleResults.With(Runs), change(SampleResults.With(Runs)), new ComparisonOptions { Force = true });

        Assert.Equal(field, Assert.Single(comparison.ForcedDifferences).Field);
    }

    [Fact]
    public void Different_schema_versions_are_refused_even_when_forced()
    {
        var candidate = SampleResults.With(Runs) with { SchemaVersion = 0 };

        var refusal = Assert.Throws<ComparisonRefusedException>(() => ResultComparer.Compare(SampleResults.With(Runs), candidate, new ComparisonOptions { Force = true }));

        Assert.False(refusal.Forceable);
        Assert.Contains("schema_version differs: baseline \"1\", candidate \"0\"", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_images_on_the_same_setup_are_comparable()
    {
        var candidate = SampleResults.With(Runs, [new(SampleResults.DiffId('b'), 1.0)]) with
        {
            BenchmarkConfig = SampleResults.With(Runs).BenchmarkConfig with { TargetImage = "registry.example/app:2" },
        };

        Assert.Empty(Comparability.Differences(SampleResults.With(Runs), candidate));
    }
}
