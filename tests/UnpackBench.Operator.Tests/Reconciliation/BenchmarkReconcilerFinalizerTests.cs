using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

/// <summary>The finalizer is held exactly while an agent pod may run, and deleting a benchmark stops its agent.</summary>
public sealed class BenchmarkReconcilerFinalizerTests
{
    private static V1Alpha1UnpackBenchmark WithFinalizer(V1Alpha1UnpackBenchmark benchmark)
    {
        benchmark.Metadata.Finalizers = [BenchmarkFinalizer.Name];
        return benchmark;
    }

    private static V1Alpha1UnpackBenchmark Deleted(V1Alpha1UnpackBenchmark benchmark)
    {
        benchmark.Metadata.DeletionTimestamp = Scenario.Now.UtcDateTime;
        return benchmark;
    }

    [Fact]
    public void Creating_the_agent_pod_adds_the_finalizer_first()
    {
        var plan = Scenario.Decide(Scenario.Benchmark());

        Assert.NotNull(plan.PodToCreate);
        Assert.Equal(FinalizerChange.Add, plan.Finalizer);
    }

    [Fact]
    public void A_running_agent_keeps_the_finalizer()
    {
        var benchmark = WithFinalizer(Scenario.Benchmark());

        Assert.Equal(FinalizerChange.None, Scenario.Decide(benchmark, KubeletPods.Running(KubeletPods.Created(benchmark))).Finalizer);
    }

    [Fact]
    public void A_finished_benchmark_lets_the_finalizer_go()
    {
        var benchmark = WithFinalizer(Scenario.Benchmark());
        var pod = KubeletPods.Failed(KubeletPods.Running(KubeletPods.Created(benchmark)), Scenario.Now.UtcDateTime, terminationMessage: AgentReports.TerminationMessage("Failed", "ImageNotFound", "manifest unknown"));

        var plan = Scenario.Decide(benchmark, pod, AgentLogs.ReadToEnd([AgentReports.FailedLine("ImageNotFound", "manifest unknown")]));

        Assert.Equal(BenchmarkPhase.Failed, plan.Status!.Phase);
        Assert.Equal(FinalizerChange.Remove, plan.Finalizer);
    }

    [Fact]
    public void Deleting_a_benchmark_deletes_its_running_agent_and_then_the_finalizer()
    {
        var benchmark = Deleted(WithFinalizer(Scenario.Benchmark()));
        var pod = KubeletPods.Running(KubeletPods.Created(benchmark));

        var plan = Scenario.Decide(benchmark, pod);

        Assert.Same(pod, Assert.Single(plan.PodsToDelete));
        Assert.Equal(FinalizerChange.Remove, plan.Finalizer);
        Assert.Null(plan.Status);
    }

    [Fact]
    public void Deleting_a_benchmark_without_the_finalizer_leaves_the_rest_to_the_clean_up()
    {
        var benchmark = Deleted(Scenario.Benchmark());

        Assert.Equal(ReconcilePlan.None, Scenario.Decide(benchmark, KubeletPods.Running(KubeletPods.Created(benchmark))));
    }
}
