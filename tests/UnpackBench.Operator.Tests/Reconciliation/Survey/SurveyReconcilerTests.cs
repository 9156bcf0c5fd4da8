using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation.Survey;

/// <summary>A survey's life, decided step by step: start, slots, rows, the summary and the end.</summary>
public sealed class SurveyReconcilerTests
{
    private static SurveyWorld ThreeNodes(int maxParallel = 2) =>
        new(SurveyWorld.Spec(maxParallel), SurveyWorld.Node("node-a"), SurveyWorld.Node("node-b"), SurveyWorld.Node("node-c"));

    [Fact]
    public void A_survey_starts_at_most_max_parallel_agent_pods_each_pinned_to_its_node()
    {
        var world = ThreeNodes();

        var plan = world.Step();

        Assert.Equal(["node-a", "node-b"], plan.PodsToCreate.Select(SurveyWorld.PinnedNode));
        Assert.All(plan.PodsToCreate, p => Assert.Null(p.Spec.NodeName));
        Assert.Equal(["python-agent-g1-6f1c2a-node-a", "python-agent-g1-6f1c2a-node-b"], plan.PodsToCreate.Select(p => p.Metadata.Name));
        Assert.Equal("node-a", plan.PodsToCreate[0].Metadata.Labels[ObjectNames.NodeLabel]);
        Assert.Equal(FinalizerChange.Add, plan.Finalizer);
        var status = world.Status;
        Assert.Equal((BenchmarkPhase.Pending, 3, "0/3", "0/6"), (status.Phase, status.Survey!.Nodes, status.Survey.Progress, status.Progress));
        Assert.Equal(["node-a", "node-b", "node-c"], status.Nodes.Select(r => r.NodeName));
        Assert.Equal("WaitingForSlot", status.Nodes[2].Reason);
        Assert.Equal(("", "m5.large", "zone-a", "6.1.0-test", "containerd://1.7.0"), (status.Nodes[2].AgentPod, status.Nodes[2].InstanceType, status.Nodes[2].Zone, status.Nodes[2].Kernel, status.Nodes[2].ContainerdVersion));
        Assert.Equal([EventReasons.Started], plan.Events.Select(e => e.Reason));
    }

    [Fact]
    public void The_next_node_starts_only_once_a_finished_nodes_pod_is_gone()
    {
        var world = ThreeNodes();
        world.Step();
        world.Succeeded("node-a", 1.0);

        var finished = world.Step();
        Assert.Equal(BenchmarkPhase.Succeeded, world.Status.Nodes[0].Phase);
        Assert.Equal("python-result-node-a", Assert.Single(finished.ConfigMapsToWrite).Metadata.Name);
        Assert.Empty(finished.PodsToDelete);
        Assert.Equal("node-a", SurveyWorld.PinnedNode(Assert.Single(finished.PodsToDeleteOnceRecorded)));
        Assert.Empty(finished.PodsToCreate);

        var next = world.Step();
        Assert.Equal("node-c", SurveyWorld.PinnedNode(Assert.Single(next.PodsToCreate)));
        Assert.Equal(2, world.MostPods);
    }

    [Fact]
    public void Runs_counted_on_a_running_node_are_progress_that_may_wait_and_a_node_s_end_is_not()
    {
        var world = ThreeNodes();
        world.Step();
        world.Running("node-a", runs: 0);
        Assert.False(world.Step().StatusIsProgress); // node-a's row turned Running

        world.Running("node-a", runs: 1);
        var progress = world.Step();
        Assert.True(progress.StatusIsProgress);
        Assert.Equal(1, progress.Status!.Nodes[0].CompletedRuns);

        world.Succeeded("node-a", 1.0);
        Assert.False(world.Step().StatusIsProgress);
    }

    [Fact]
    public void Rows_and_summary_name_the_fastest_and_slowest_node_and_the_spread()
    {
        var world = ThreeNodes(maxParallel: 3);
        world.Step();
        world.Succeeded("node-a", 1.0);
        world.Succeeded("node-b", 2.0);
        world.Succeeded("node-c", 1.5);

        var plan = world.Step();

        var status = world.Status;
        Assert.Equal((BenchmarkPhase.Succeeded, "python-result"), (status.Phase, status.ResultConfigMap));
        var survey = status.Survey!;
        Assert.Equal((3, 3, 0, 0, "3/3"), (survey.Nodes, survey.Succeeded, survey.Failed, survey.Skipped, survey.Progress));
        Assert.Equal(("node-a", "1.015"), (survey.Fastest!.NodeName, survey.Fastest.MedianSeconds));
        Assert.Equal(("node-b", "2.015"), (survey.Slowest!.NodeName, survey.Slowest.MedianSeconds));
        Assert.Equal("1.99", survey.Spread);
        var row = status.Nodes.Single(r => r.NodeName == "node-c");
        Assert.Equal(("overlayfs", 2, "1.515", "6.1.0-agent", "1.6.20", "python-result-node-c"), (row.Snapshotter, row.CompletedRuns, row.MedianSeconds, row.Kernel, row.ContainerdVersion, row.ResultConfigMap));
        Assert.NotNull(row.P95Seconds);
        Assert.NotNull(row.ThroughputMBps);
        Assert.NotNull(row.CpuSeconds);
        Assert.NotNull(row.MemoryPeakMB);
        Assert.Equal("True", status.Conditions.Single(c => c.Type == ConditionSet.AllNodesSucceeded).Status);
        var index = SurveyIndex.Deserialize(plan.ConfigMapsToWrite.Single(c => c.Metadata.Name == "python-result").Data[SurveyIndex.DataKey]);
        Assert.Equal((BenchmarkPhase.Succeeded, 3, "1.99"), (index.Phase, index.Rows.Count, index.Summary.Spread));
        Assert.Equal(["NodeSucceeded", "NodeSucceeded", "NodeSucceeded", "Succeeded"], plan.Events.Select(e => e.Reason));
    }

    [Fact]
    public void The_index_and_each_node_document_carry_the_benchmark_label_and_generation_the_report_selects_and_matches_by()
    {
        var world = ThreeNodes(maxParallel: 3);
        world.Step();
        var written = new List<k8s.Models.V1ConfigMap>();
        foreach (var (node, seconds) in new[] { ("node-a", 1.0), ("node-b", 2.0), ("node-c", 1.5) })
        {
            world.Succeeded(node, seconds);
            written.AddRange(world.Step().ConfigMapsToWrite);
        }

        Assert.Equal(["python-result", "python-result-node-a", "python-result-node-b", "python-result-node-c"], written.Select(c => c.Metadata.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.All(written, c => Assert.Equal(
            (Scenario.Name, "1"),
            (c.Metadata.Labels[ResultConfigMapMetadata.BenchmarkLabel], c.Metadata.Annotations[ResultConfigMapMetadata.GenerationAnnotation])));
    }

    [Fact]
    public void A_finished_survey_deletes_its_last_pods_drops_the_finalizer_and_then_changes_nothing()
    {
        var world = ThreeNodes(maxParallel: 3);
        world.Step();
        foreach (var node in new[] { "node-a", "node-b", "node-c" })
        {
            world.Succeeded(node, 1.0);
        }

        var finished = world.Step();
        Assert.Equal(FinalizerChange.Remove, finished.Finalizer); // no agent runs any more
        Assert.Equal(3, finished.PodsToDeleteOnceRecorded.Count);
        Assert.Empty(world.Pods);

        var again = world.Step();
        Assert.True(KubernetesStatus.Same(world.Status, again.Status));
        Assert.Empty(again.Events);
        Assert.Empty(again.PodsToCreate);
    }

    [Fact]
    public void A_node_lost_mid_survey_fails_its_rows_and_the_survey_ends_partially_succeeded()
    {
        var world = ThreeNodes(maxParallel: 3);
        world.Step();
        world.Running("node-a", runs: 1);
        world.Step();
        world.Nodes.RemoveAll(n => n.Metadata.Name == "node-a");

        var lost = world.Step();

        var row = world.Status.Nodes[0];
        Assert.Equal((BenchmarkPhase.Failed, "NodeLost", 1), (row.Phase, row.Reason, row.CompletedRuns));
        Assert.Contains("node node-a was deleted after 1 of 2 runs", row.Message, StringComparison.Ordinal);
        Assert.Equal("node-a", SurveyWorld.PinnedNode(Assert.Single(lost.PodsToForceDelete)));
        Assert.Equal("true", lost.ConfigMapsToWrite.Single(c => c.Metadata.Name == "python-result-node-a").Metadata.Annotations[ResultConfigMapBuilder.PartialAnnotation]);
        Assert.Equal(BenchmarkPhase.Running, world.Status.Phase);

        world.Succeeded("node-b", 1.0);
        world.Succeeded("node-c", 1.2);
        world.Step();

        var status = world.Status;
        Assert.Equal((BenchmarkPhase.PartiallySucceeded, 2, 1), (status.Phase, status.Survey!.Succeeded, status.Survey.Failed));
        Assert.Equal(("True", "True"), (Condition(status, ConditionSet.Ready).Status, Condition(status, ConditionSet.Succeeded).Status));
        var all = Condition(status, ConditionSet.AllNodesSucceeded);
        Assert.Equal(("False", "NodesFailed"), (all.Status, all.Reason));
        Assert.Contains("node-a (overlayfs): NodeLost", all.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(status.Conditions, c => c.Type == ConditionSet.Stalled);
    }

    [Fact]
    public void A_not_ready_node_fails_its_rows_before_its_agent_ever_starts()
    {
        var world = ThreeNodes(maxParallel: 1);
        world.Step();
        world.Nodes[2] = SurveyWorld.Node("node-c", ready: "False");

        world.Step();

        var row = world.Status.Nodes[2];
        Assert.Equal((BenchmarkPhase.Failed, "NodeLost", ""), (row.Phase, row.Reason, row.AgentPod));
        Assert.Single(world.Pods);
    }

    [Fact]
    public void An_evicted_agent_pod_is_retried_once_on_its_node_then_its_row_fails()
    {
        var world = ThreeNodes(maxParallel: 1);
        world.Step();
        world.Evicted("node-a");

        var retry = world.Step();
        var row = world.Status.Nodes[0];
        Assert.Equal((2, BenchmarkPhase.Pending, "Evicted"), (row.Attempts, row.Phase, row.Reason));
        Assert.Equal(EventReasons.AgentPodEvicted, Assert.Single(retry.Events).Reason);

        world.Settle();
        var second = world.PodOn("node-a");
        Assert.Equal("python-agent-g1-6f1c2a-node-a-r2", second.Metadata.Name);
        Assert.Equal(1, world.MostPods);

        world.Evicted("node-a");
        world.Step();
        row = world.Status.Nodes[0];
        Assert.Equal((BenchmarkPhase.Failed, "Evicted", 2), (row.Phase, row.Reason, row.Attempts));
    }

    [Fact]
    public void A_spec_change_restarts_the_survey_and_keeps_no_row_of_the_old_generation()
    {
        var world = ThreeNodes();
        world.Step();
        world.Succeeded("node-a", 1.0);
        world.Running("node-b", runs: 1);
        world.Step();

        var changed = Scenario.Benchmark(world.Benchmark.Spec with { Runs = 3 }, generation: 2, status: world.Status);
        var restart = new SurveyWorld(changed.Spec, [.. world.Nodes]);
        typeof(SurveyWorld).GetProperty(nameof(SurveyWorld.Benchmark))!.SetValue(restart, changed);
        restart.Pods.AddRange(world.Pods);

        var plan = restart.Step();

        Assert.Equal("node-b", SurveyWorld.PinnedNode(Assert.Single(plan.PodsToDelete))); // node-a's went when its end was recorded
        Assert.Contains("-g2-", Assert.Single(plan.PodsToCreate).Metadata.Name, StringComparison.Ordinal); // the old pod still holds the other slot
        var status = restart.Status;
        Assert.Equal((2L, BenchmarkPhase.Pending, "0/9"), (status.ObservedGeneration, status.Phase, status.Progress));
        Assert.All(status.Nodes, r => Assert.Equal((BenchmarkPhase.Pending, 0, null, null), (r.Phase, r.CompletedRuns, r.MedianSeconds, r.ResultConfigMap)));

        var next = restart.Step();
        Assert.Contains("-g2-", Assert.Single(next.PodsToCreate).Metadata.Name, StringComparison.Ordinal);
        Assert.Equal(2, restart.MostPods);
    }

    [Fact]
    public void A_survey_with_no_node_to_run_on_fails_and_lists_the_skipped_nodes()
    {
        var world = new SurveyWorld(SurveyWorld.Spec(), SurveyWorld.Node("node-a", cordoned: true), SurveyWorld.Node("node-b", ready: "False"));

        var plan = world.Step();

        var status = world.Status;
        Assert.Equal((BenchmarkPhase.Failed, "NoNodes"), (status.Phase, Condition(status, ConditionSet.Ready).Reason));
        Assert.Equal("True", Condition(status, ConditionSet.Stalled).Status);
        Assert.Equal(["Cordoned", "NotReady"], status.Survey!.SkippedNodes.Select(s => s.Reason));
        Assert.Empty(plan.PodsToCreate);
    }

    [Fact]
    public void A_survey_waits_while_the_operator_has_no_list_of_nodes()
    {
        var benchmark = Scenario.Benchmark(SurveyWorld.Spec());

        var plan = BenchmarkReconciler.Decide(new ObservedBenchmark(benchmark, [], null, AgentProgress.Empty, Scenario.Now), Scenario.Options);

        Assert.Equal((BenchmarkPhase.Pending, "WaitingForNodes"), (plan.Status!.Phase, Condition(plan.Status, ConditionSet.Ready).Reason));
        Assert.NotNull(plan.RequeueAfter);
        Assert.Empty(plan.PodsToCreate);

        var listed = BenchmarkReconciler.Decide(new ObservedBenchmark(Scenario.After(benchmark, plan), [], null, AgentProgress.Empty, Scenario.Now) { Nodes = [SurveyWorld.Node("node-a")] }, Scenario.Options);
        Assert.Equal("node-a", SurveyWorld.PinnedNode(Assert.Single(listed.PodsToCreate)));
        Assert.Equal(1, listed.Status!.Survey!.Nodes);
    }

    private static BenchmarkCondition Condition(UnpackBenchmarkStatus status, string type) => Assert.Single(status.Conditions, c => c.Type == type);
}
