using k8s.Models;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Reconciliation;

namespace UnpackBench.Operator.Tests.Support;

/// <summary>The fixed world the reconciler tests decide in: one clock reading, one operator configuration, benchmarks as the API returns them.</summary>
internal static class Scenario
{
    public const string Namespace = "team-a";
    public const string Name = "python";
    public const string Uid = "6f1c2a9e-2d4b-4c8e-9a37-5b0d1e2f3a4b";
    public const string Image = "localhost:5000/library/python:3.12";
    public const string Node = "localhost";

    /// <summary>"Now" for every decision unless a test moves it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    public static OperatorOptions Options { get; } = new() { AgentImage = "localhost:5000/unpackbench:0.1.0", Identity = "operator-0" };

    public static UnpackBenchmarkSpec Spec { get; } = new() { Image = Image, Runs = 5, TimeoutSeconds = 600 };

    public static V1Alpha1UnpackBenchmark Benchmark(UnpackBenchmarkSpec? spec = null, long generation = 1, string name = Name, UnpackBenchmarkStatus? status = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = Namespace,
            Uid = Uid,
            Generation = generation,
            ResourceVersion = "4711",
            CreationTimestamp = Now.UtcDateTime.AddMinutes(-30),
        },
        Spec = spec ?? Spec,
        Status = status,
    };

    /// <summary>The benchmark as it is after the executor wrote <paramref name="plan"/>'s status.</summary>
    public static V1Alpha1UnpackBenchmark After(V1Alpha1UnpackBenchmark benchmark, ReconcilePlan plan) => new()
    {
        Metadata = benchmark.Metadata,
        Spec = benchmark.Spec,
        Status = plan.Status ?? benchmark.Status,
    };

    public static ReconcilePlan Decide(V1Alpha1UnpackBenchmark benchmark, IEnumerable<V1Pod>? pods = null, AgentProgress? progress = null, DateTimeOffset? now = null, OperatorOptions? options = null) =>
        BenchmarkReconciler.Decide(new ObservedBenchmark(benchmark, [.. pods ?? []], null, progress ?? AgentProgress.Empty, now ?? Now), options ?? Options);

    public static ReconcilePlan Decide(V1Alpha1UnpackBenchmark benchmark, V1Pod pod, AgentProgress? progress = null, DateTimeOffset? now = null, OperatorOptions? options = null) =>
        Decide(benchmark, [pod], progress, now, options);
}
