using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Core.Tests.Benchmarks;

/// <summary>The spec fields of variants, copies, cache modes and what-if, checked against the limits the agent uses.</summary>
public sealed class VariantSpecValidationTests
{
    private static readonly UnpackBenchmarkSpec Valid = new() { Image = "docker.io/library/busybox:1.36" };

    public static TheoryData<string, UnpackBenchmarkSpec, string> Invalid => new()
    {
        { "bad snapshotter name", Valid with { Snapshotters = ["overlayfs", "../etc"] }, "spec.snapshotters entry '../etc'" },
        { "snapshotter twice", Valid with { Snapshotters = ["native", "native"] }, "each once" },
        { "too many snapshotters", Valid with { Snapshotters = [.. Enumerable.Range(0, BenchmarkLimits.MaxSnapshotters + 1).Select(i => $"s{i}")] }, "at most 8 snapshotters" },
        { "no copies", Valid with { Concurrency = 0 }, "spec.concurrency is 0; it must be between 1 and 16" },
        { "too many copies", Valid with { Concurrency = 17 }, "spec.concurrency is 17" },
        { "unknown cache mode", Valid with { Cache = "hot" }, "spec.cache is 'hot'; it must be one of warm, cold, drop" },
        { "unknown encoding", Valid with { WhatIf = ["zstd", "lz4"] }, "spec.whatIf: unknown what-if encoding 'lz4'" },
        { "zstd level out of range", Valid with { WhatIf = ["zstd-30"] }, "spec.whatIf: what-if encoding 'zstd-30' has no valid zstd level" },
        { "no link", Valid with { LinkMbps = 0 }, "spec.linkMbps is 0" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_variant_fields_are_refused_saying_what_to_change(string @case, UnpackBenchmarkSpec spec, string expected)
    {
        var problems = UnpackBenchmarkSpecValidator.Validate(spec);

        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"{@case}: {string.Join(" | ", problems)}");
    }

    [Fact]
    public void A_spec_with_every_variant_field_set_is_valid()
    {
        var spec = Valid with { Snapshotters = ["overlayfs", "native"], Concurrency = 4, Cache = "drop", Durable = true, Floor = true, WhatIf = ["zstd", "uncompressed", "gzip-1", "gzip-9"], LinkMbps = 100 };

        Assert.Empty(UnpackBenchmarkSpecValidator.Validate(spec));
    }

    [Fact]
    public void Snapshotters_replace_the_single_snapshotter_only_when_set()
    {
        Assert.Equal(["overlayfs"], Valid.EffectiveSnapshotters);
        Assert.Equal(["native"], (Valid with { Snapshotter = "native" }).EffectiveSnapshotters);
        Assert.Equal(["native", "overlayfs"], (Valid with { Snapshotters = ["native", "overlayfs"] }).EffectiveSnapshotters);
    }
}
