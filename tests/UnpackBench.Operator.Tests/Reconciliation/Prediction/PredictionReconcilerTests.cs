using k8s.Models;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Prediction;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Reconciliation.Calibration;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation.Prediction;

/// <summary>A prediction (mode Predict): one counting agent, then every matched node predicted from its calibration.</summary>
public sealed class PredictionReconcilerTests
{
    private static readonly UnpackBenchmarkSpec Spec = Scenario.Spec with { Mode = BenchmarkMode.Predict, NodeSelector = new Dictionary<string, string> { ["pool"] = "a" } };
    private static readonly Dictionary<string, string> PoolA = new() { ["pool"] = "a", ["kubernetes.io/arch"] = "amd64" };

    [Fact]
    public void A_prediction_starts_one_unprivileged_agent_that_only_counts_the_image()
    {
        var plan = Scenario.Decide(Scenario.Benchmark(Spec));

        var container = plan.PodToCreate!.Spec.Containers.Single();
        Assert.Equal(["predict", "--image", Scenario.Image, "--features-only", "--log-format", "json", "--termination-message-path", AgentPodBuilder.TerminationMessagePath], container.Args);
        Assert.False(container.SecurityContext.Privileged);
        Assert.Equal(Spec.NodeSelector, plan.PodToCreate.Spec.NodeSelector);
        Assert.Equal(("", 0), (plan.Status!.Progress, plan.Status.Runs));
        Assert.Equal($"created agent pod {plan.PodToCreate.Metadata.Name} to count the layers of {Scenario.Image}", Assert.Single(plan.Events).Message);
    }

    [Fact]
    public void Once_the_image_is_counted_each_matched_node_is_predicted_from_its_calibration_and_one_without_is_listed_as_not_calibrated()
    {
        var benchmark = Scenario.Benchmark(Spec);
        var pod = Counted(benchmark, Calibrations.Image());
        var calibration = Calibrations.Of("node-a", Scenario.Now.AddDays(-2));

        var plan = Decide(benchmark, pod, Calibrations.Image(), [Node("node-a"), Node("node-b"), Node("node-c", labels: new Dictionary<string, string> { ["pool"] = "b" })], CalibrationOf("node-a", calibration));

        var status = plan.Status!;
        Assert.Equal(BenchmarkPhase.PartiallySucceeded, status.Phase);
        Assert.Equal(["node-a", "node-b"], status.Predictions!.Select(r => r.NodeName));
        var predicted = status.Predictions![0];
        Assert.Equal((PredictionStates.Predicted, "cal-calibration-node-a", "overlayfs", "drop", "1.6.20"), (predicted.State, predicted.Calibration, predicted.Snapshotter, predicted.CacheMode, predicted.ContainerdVersion));
        Assert.Equal(calibration.CreatedAt, predicted.CalibratedAt);
        Assert.Empty(predicted.Warnings);
        var (seconds, lower, upper) = (Parse(predicted.PredictedSeconds), Parse(predicted.LowerSeconds), Parse(predicted.UpperSeconds));
        Assert.True(lower <= seconds && seconds <= upper && seconds > 0, $"{lower} {seconds} {upper}");
        var missing = status.Predictions[1];
        Assert.Equal(PredictionStates.NotCalibrated, missing.State);
        Assert.Contains("no calibration of node node-b in this namespace", missing.Message, StringComparison.Ordinal);

        Assert.Equal((2, 1, 1, "1/2"), (status.Survey!.Nodes, status.Survey.Succeeded, status.Survey.Failed, status.Survey.Progress));
        Assert.Equal(predicted.PredictedSeconds, status.Prediction!.Range);
        Assert.Equal(("False", "NodesNotPredicted"), Condition(status, ConditionSet.AllNodesSucceeded));
        Assert.Equal(("True", "PartiallyPredicted"), Condition(status, ConditionSet.Ready));
        Assert.Equal((2, 20_000_000L + 5_000_000L), (status.Image!.Layers, status.Image.UncompressedBytes));

        var configMap = plan.ConfigMapToWrite!;
        Assert.Equal("python-result", configMap.Metadata.Name);
        Assert.Equal(2, PredictionJson.ReadFeatures(configMap.Data[PredictionIndex.FeaturesKey], "ConfigMap").Layers.Count);
        var index = PredictionIndex.Deserialize(configMap.Data[PredictionIndex.DataKey]);
        Assert.Equal(["node-a"], index.Predictions.Keys);
        Assert.Equal(seconds, index.Predictions["node-a"].Total.Seconds, 3);
        Assert.Equal(2, index.Predictions["node-a"].Layers.Count);
        Assert.Equal(FinalizerChange.None, plan.Finalizer);
        Assert.Equal(EventReasons.Succeeded, Assert.Single(plan.Events).Reason);
    }

    [Fact]
    public void A_stale_calibration_of_a_node_that_changed_since_predicts_with_a_warning_for_each_change()
    {
        var benchmark = Scenario.Benchmark(Spec with { Prediction = new PredictionSpec { MaxCalibrationAgeDays = 30 } });
        var calibration = Calibrations.Of("node-a", Scenario.Now.AddDays(-45), snapshotter: "native", kernel: "5.10.0-old");
        var changed = CalibrationOf("node-a", calibration, runtimeThen: "containerd://1.6.0");

        var plan = Decide(benchmark, Counted(benchmark, Calibrations.Image()), Calibrations.Image(), [Node("node-a", labels: new Dictionary<string, string>(PoolA) { ["kubernetes.io/arch"] = "arm64" })], changed);

        var row = Assert.Single(plan.Status!.Predictions!);
        Assert.Equal(PredictionStates.Predicted, row.State);
        Assert.Equal(
            [
                "the calibration is 45 days old, more than spec.prediction.maxCalibrationAgeDays (30): calibrate the node again",
                "the node runs kernel 6.1.0-test now, the calibration measured 5.10.0-old: calibrate the node again",
                "the node's container runtime changed since its calibration (containerd://1.6.0 then, containerd://1.7.0 now): calibrate the node again",
                "the calibration measured snapshotter native, the prediction is for overlayfs: calibrate the node with snapshotter overlayfs",
                "the image was counted for linux/amd64, the node is arm64: set spec.platform to the node's platform",
            ],
            row.Warnings);
        Assert.Equal((BenchmarkPhase.Succeeded, 1), (plan.Status.Phase, plan.Status.Prediction!.Warned));
        Assert.Contains("with warnings", plan.Status.Conditions.Single(c => c.Type == ConditionSet.Ready).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_calibrated_twice_predicts_from_its_newest_calibration_of_the_snapshotter_asked_for()
    {
        var benchmark = Scenario.Benchmark(Spec);
        var older = CalibrationOf("node-a", Calibrations.Of("node-a", Scenario.Now.AddDays(-3)), benchmark: "old");
        var newer = CalibrationOf("node-a", Calibrations.Of("node-a", Scenario.Now.AddDays(-2)), benchmark: "new");
        var newestNative = CalibrationOf("node-a", Calibrations.Of("node-a", Scenario.Now.AddDays(-1), snapshotter: "native"), benchmark: "native");

        var plan = Decide(benchmark, Counted(benchmark, Calibrations.Image()), Calibrations.Image(), [Node("node-a")], older, newestNative, newer);

        Assert.Equal("new-calibration-node-a", Assert.Single(plan.Status!.Predictions!).Calibration);
    }

    [Fact]
    public void A_calibration_without_coefficients_for_the_images_compression_fails_its_row_and_no_prediction_fails_the_benchmark()
    {
        var benchmark = Scenario.Benchmark(Spec);
        var zstd = Calibrations.Image("zstd");

        var plan = Decide(benchmark, Counted(benchmark, zstd), zstd, [Node("node-a")], CalibrationOf("node-a", Calibrations.Of("node-a", Scenario.Now)));

        var row = Assert.Single(plan.Status!.Predictions!);
        Assert.Equal(PredictionStates.Failed, row.State);
        Assert.Contains("zstd", row.Message, StringComparison.Ordinal);
        Assert.Equal((BenchmarkPhase.Failed, "NoCalibrations"), (plan.Status.Phase, Condition(plan.Status, ConditionSet.Ready).Reason));
        Assert.Null(plan.Status.Prediction!.Range);
    }

    [Fact]
    public void A_counted_image_waits_for_the_node_list_and_a_finished_prediction_is_never_recomputed()
    {
        var benchmark = Scenario.Benchmark(Spec);
        var pod = Counted(benchmark, Calibrations.Image());
        var progress = AgentLogs.ReadToEnd([Calibrations.FeaturesLine(Calibrations.Image())]);

        var waiting = BenchmarkReconciler.Decide(new ObservedBenchmark(benchmark, [pod], null, progress, Scenario.Now), Scenario.Options);
        Assert.Equal((BenchmarkPhase.Running, "WaitingForNodes"), (waiting.Status!.Phase, Condition(waiting.Status, ConditionSet.Ready).Reason));
        Assert.NotNull(waiting.RequeueAfter);

        var finished = Decide(benchmark, pod, Calibrations.Image(), [Node("node-a")], CalibrationOf("node-a", Calibrations.Of("node-a", Scenario.Now)));
        var later = Decide(Scenario.After(benchmark, finished), pod, Calibrations.Image(), [Node("node-a"), Node("node-b")]);

        Assert.Null(later.Status);
        Assert.Null(later.ConfigMapToWrite);
        Assert.Empty(later.Events);
    }

    [Fact]
    public void A_counting_agent_whose_log_cannot_be_read_fails_the_prediction_with_that_reason()
    {
        var benchmark = Scenario.Benchmark(Spec);
        var pod = KubeletPods.Succeeded(KubeletPods.Running(KubeletPods.Created(benchmark)), Scenario.Now.UtcDateTime, AgentReports.TerminationMessage(AgentOutcomes.Succeeded, null, "counted"));

        var plan = Scenario.Decide(benchmark, pod, AgentLogs.Unreadable("the kubelet cannot be reached"));

        Assert.Equal((BenchmarkPhase.Failed, "AgentLogUnavailable"), (plan.Status!.Phase, Condition(plan.Status, ConditionSet.Ready).Reason));
        Assert.Contains("the image's counted features reach the operator only through the log", plan.Status.Conditions[0].Message, StringComparison.Ordinal);
        Assert.Null(plan.ConfigMapToWrite);
    }

    [Fact]
    public void A_counting_agent_past_its_deadline_fails_without_speaking_of_runs_it_never_had()
    {
        var benchmark = Scenario.Benchmark(Spec);
        var pod = KubeletPods.Failed(KubeletPods.Running(KubeletPods.Created(benchmark)), Scenario.Now.UtcDateTime, exitCode: 137, podReason: "DeadlineExceeded", podMessage: "Pod was active on the node longer than the specified deadline");

        var plan = Scenario.Decide(benchmark, pod, AgentLogs.ReadToEnd([AgentReports.StartedLine()]));

        var ready = Condition(plan.Status!, ConditionSet.Ready);
        Assert.Equal((BenchmarkPhase.Failed, "DeadlineExceeded"), (plan.Status!.Phase, ready.Reason));
        var message = plan.Status.Conditions.Single(c => c.Type == ConditionSet.Ready).Message;
        Assert.Contains($"the agent did not finish within spec.timeoutSeconds ({Spec.TimeoutSeconds} s)", message, StringComparison.Ordinal);
        Assert.DoesNotContain("runs completed", message, StringComparison.Ordinal);
    }

    private static ReconcilePlan Decide(V1Alpha1UnpackBenchmark benchmark, V1Pod pod, ImageFeatures features, IReadOnlyList<V1Node> nodes, params V1ConfigMap[] calibrations) =>
        BenchmarkReconciler.Decide(
            new ObservedBenchmark(benchmark, [pod], null, AgentLogs.ReadToEnd([AgentReports.StartedLine(), Calibrations.FeaturesLine(features)]), Scenario.Now) { Nodes = nodes, Calibrations = calibrations },
            Scenario.Options);

    private static V1Pod Counted(V1Alpha1UnpackBenchmark benchmark, ImageFeatures features)
    {
        var pod = KubeletPods.Running(KubeletPods.Created(benchmark));
        pod.Spec.NodeName = "node-a";
        return KubeletPods.Succeeded(pod, Scenario.Now.UtcDateTime, AgentReports.TerminationMessage(AgentOutcomes.Succeeded, null, $"counted the {features.Layers.Count} layers"));
    }

    private static V1ConfigMap CalibrationOf(string node, CalibrationDocument calibration, string runtimeThen = "containerd://1.7.0", string benchmark = "cal")
    {
        var calibrating = Scenario.Benchmark(Scenario.Spec with { Mode = BenchmarkMode.Calibrate, Placement = BenchmarkPlacement.EachNode, Image = "" }, name: benchmark);
        return CalibrationConfigMapBuilder.Build(calibrating, node, calibration, new NodeFacts(null, null, null, runtimeThen));
    }

    private static V1Node Node(string name, IDictionary<string, string>? labels = null) => SurveyWorld.Node(name, labels: labels ?? new Dictionary<string, string>(PoolA));

    private static (string Status, string Reason) Condition(UnpackBenchmarkStatus status, string type)
    {
        var condition = status.Conditions.Single(c => c.Type == type);
        return (condition.Status, condition.Reason);
    }

    private static double Parse(string? seconds) => double.Parse(seconds!, System.Globalization.CultureInfo.InvariantCulture);
}
