using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Prediction;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Reconciliation.Calibration;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation.Prediction;

/// <summary>A calibration (mode Calibrate) is a survey whose agents calibrate: pods, ConfigMaps per node, rows.</summary>
public sealed class CalibrationSurveyTests
{
    private static SurveyWorld TwoNodes() => new(
        SurveyWorld.Spec(maxParallel: 2) with { Mode = BenchmarkMode.Calibrate, Image = "", Calibration = new CalibrationSpec { Set = CalibrationSets.Quick } },
        SurveyWorld.Node("node-a"),
        SurveyWorld.Node("node-b"));

    [Fact]
    public void Each_node_gets_a_pinned_privileged_agent_that_calibrates_with_the_specs_set_and_the_agents_other_defaults()
    {
        var world = TwoNodes();

        var plan = world.Step();

        Assert.Equal(["node-a", "node-b"], plan.PodsToCreate.Select(SurveyWorld.PinnedNode));
        var container = plan.PodsToCreate[0].Spec.Containers.Single();
        Assert.Equal(["calibrate", "--set", "quick", "--snapshotter", "overlayfs", "--root", "/var/lib/unpackbench/containerd", "--output", AgentPodBuilder.ResultDirectory, "--log-format", "json", "--termination-message-path", AgentPodBuilder.TerminationMessagePath], container.Args);
        Assert.True(container.SecurityContext.Privileged);
        Assert.Equal(("", 0, 0), (world.Status.Progress, world.Status.Runs, world.Status.CompletedRuns));
        Assert.Contains("a calibration with the quick set each", Assert.Single(plan.Events).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nodes_calibration_goes_to_a_configmap_labelled_with_the_node_and_its_row_names_it()
    {
        var world = TwoNodes();
        world.Step();
        world.Running("node-a");
        world.Step();
        Assert.Contains("calibrating with the quick set", world.Status.Nodes[0].Message, StringComparison.Ordinal);
        var calibration = Calibrations.Of("node-a", Scenario.Now.AddMinutes(-1), kernel: "6.1.0-agent");

        world.Calibrated("node-a", calibration);
        var plan = world.Step();

        var configMap = Assert.Single(plan.ConfigMapsToWrite);
        Assert.Equal("python-calibration-node-a", configMap.Metadata.Name);
        Assert.Equal(("node-a", CalibrationConfigMapBuilder.CalibrationDocumentValue), (configMap.Metadata.Labels[ObjectNames.NodeLabel], configMap.Metadata.Labels[CalibrationConfigMapBuilder.DocumentLabel]));
        Assert.Equal(("node-a", "containerd://1.7.0"), (configMap.Metadata.Annotations[CalibrationConfigMapBuilder.NodeAnnotation], configMap.Metadata.Annotations[CalibrationConfigMapBuilder.NodeRuntimeAnnotation]));
        Assert.Equal(Scenario.Uid, configMap.Metadata.OwnerReferences.Single().Uid);
        Assert.Equal(PredictionJson.Serialize(calibration), configMap.Data[CalibrationConfigMapBuilder.DocumentKey]);
        Assert.Equal("node-a", PredictionJson.ReadCalibration(configMap.Data[CalibrationConfigMapBuilder.DocumentKey], "ConfigMap").Node.Hostname);
        var row = world.Status.Nodes[0];
        Assert.Equal((BenchmarkPhase.Succeeded, "Calibrated", "python-calibration-node-a", "6.1.0-agent", "1.6.20"), (row.Phase, row.Reason, row.ResultConfigMap, row.Kernel, row.ContainerdVersion));
        Assert.Null(row.MedianSeconds);
        Assert.Contains(plan.Events, e => e.Reason == EventReasons.NodeSucceeded && e.Message.Contains("calibrated node node-a with the quick set", StringComparison.Ordinal));
    }

    [Fact]
    public void The_configmap_records_the_runtime_the_node_reports_even_after_the_row_took_the_agents_containerd()
    {
        var world = TwoNodes();
        world.Step();
        var calibration = Calibrations.Of("node-a", Scenario.Now);
        world.CalibrationLogged("node-a", calibration);
        world.Step();
        Assert.Equal("1.6.20", world.Status.Nodes[0].ContainerdVersion);

        world.Calibrated("node-a", calibration);
        var plan = world.Step();

        Assert.Equal("containerd://1.7.0", Assert.Single(plan.ConfigMapsToWrite).Metadata.Annotations[CalibrationConfigMapBuilder.NodeRuntimeAnnotation]);
    }

    [Fact]
    public void A_calibrating_agent_whose_log_cannot_be_read_fails_its_node_because_only_the_log_carries_a_calibration()
    {
        var world = TwoNodes();
        world.Step();
        world.Calibrated("node-a", Calibrations.Of("node-a", Scenario.Now), logReadable: false);

        var plan = world.Step();

        Assert.Empty(plan.ConfigMapsToWrite);
        var row = world.Status.Nodes[0];
        Assert.Equal((BenchmarkPhase.Failed, "AgentLogUnavailable"), (row.Phase, row.Reason));
        Assert.Contains("reach the operator only through the log", row.Message, StringComparison.Ordinal);
        Assert.Null(row.ResultConfigMap);
    }

    [Fact]
    public void Both_nodes_calibrated_end_the_survey_succeeded_with_the_nodes_column_and_no_runs()
    {
        var world = TwoNodes();
        world.Step();
        world.Calibrated("node-a", Calibrations.Of("node-a", Scenario.Now));
        world.Calibrated("node-b", Calibrations.Of("node-b", Scenario.Now));

        world.Settle();

        Assert.Equal((BenchmarkPhase.Succeeded, "2/2", ""), (world.Status.Phase, world.Status.Survey!.Progress, world.Status.Progress));
        Assert.Null(world.Status.Survey.Spread);
        Assert.Empty(world.Pods);
    }
}
