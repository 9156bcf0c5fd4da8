using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Core.Tests.Benchmarks;

public sealed class BenchmarkLimitsTests
{
    public static TheoryData<string, IntegerLimit> Limits => new()
    {
        { "runs", BenchmarkLimits.Runs },
        { "warm-up runs", BenchmarkLimits.WarmupRuns },
        { "sample interval", BenchmarkLimits.SampleIntervalMs },
        { "timeout", BenchmarkLimits.TimeoutSeconds },
        { "parallel nodes", BenchmarkLimits.MaxParallelNodes },
        { "calibration age", BenchmarkLimits.MaxCalibrationAgeDays },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void Each_limit_allows_its_bounds_and_default_and_refuses_one_beyond(string @case, IntegerLimit limit)
    {
        Assert.True(limit.Allows(limit.Min) && limit.Allows(limit.Max) && limit.Allows(limit.Default), @case);
        Assert.False(limit.Allows(limit.Min - 1) || limit.Allows(limit.Max + 1), @case);
        Assert.Null(limit.Problem("x", limit.Default));
        Assert.StartsWith("x is too small: it must be at least", limit.Problem("x", limit.Min - 1), StringComparison.Ordinal);
        Assert.StartsWith($"x is too large: at most {limit.Max}", limit.Problem("x", limit.Max + 1), StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_defaults_to_the_limits_defaults()
    {
        var spec = new UnpackBenchmarkSpec();

        Assert.Equal(
            (BenchmarkLimits.Runs.Default, BenchmarkLimits.WarmupRuns.Default, BenchmarkLimits.SampleIntervalMs.Default, BenchmarkLimits.TimeoutSeconds.Default, BenchmarkLimits.DefaultSnapshotter),
            (spec.Runs, spec.WarmupRuns, spec.SampleIntervalMs, spec.TimeoutSeconds, spec.Snapshotter));
    }

    [Theory]
    [InlineData("runs", 101, "spec.runs is 101; it must be between 1 and 100")]
    [InlineData("timeout", 59, "spec.timeoutSeconds is 59; it must be between 60 and 604800")]
    public void The_spec_validator_uses_the_same_limits(string @case, int value, string expected)
    {
        var spec = new UnpackBenchmarkSpec { Image = "busybox" };
        spec = @case == "runs" ? spec with { Runs = value } : spec with { TimeoutSeconds = value };

        Assert.Contains(expected, UnpackBenchmarkSpecValidator.Validate(spec));
    }

    [Fact]
    public void The_spec_validator_refuses_a_snapshotter_containerd_could_not_have()
    {
        Assert.Contains(UnpackBenchmarkSpecValidator.Validate(new UnpackBenchmarkSpec { Image = "busybox", Snapshotter = "../etc" }), p => p.StartsWith("spec.snapshotter", StringComparison.Ordinal));
    }

    [Fact]
    public void A_spec_is_a_benchmark_on_one_node_unless_it_asks_for_a_survey()
    {
        var spec = new UnpackBenchmarkSpec();

        Assert.Equal((BenchmarkPlacement.OneNode, BenchmarkLimits.MaxParallelNodes.Default), (spec.Placement, spec.MaxParallelNodes));
    }

    [Fact]
    public void The_spec_validator_refuses_a_survey_pinned_to_one_node_and_too_many_parallel_nodes()
    {
        var problems = UnpackBenchmarkSpecValidator.Validate(new UnpackBenchmarkSpec { Image = "busybox", Placement = BenchmarkPlacement.EachNode, NodeName = "node-1", MaxParallelNodes = 0 });

        Assert.Contains(problems, p => p.StartsWith("spec.nodeName names one node, but spec.placement is EachNode", StringComparison.Ordinal));
        Assert.Contains("spec.maxParallelNodes is 0; it must be between 1 and 1000", problems);
    }
}
