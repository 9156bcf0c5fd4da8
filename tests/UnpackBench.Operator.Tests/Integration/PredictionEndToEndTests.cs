using System.Globalization;
using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Reconciliation.Calibration;
using UnpackBench.Operator.Tests.Integration.Support;
using Xunit.Abstractions;

namespace UnpackBench.Operator.Tests.Integration;

/// <summary>
/// Calibrate two test kubelets with the real agent on real containerd (the quick set, one run per image),
/// then predict a small image on every node of the pool, one of which was never calibrated. RBAC enforced.
/// </summary>
public sealed class PredictionEndToEndTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Calibrated = new() { ["pool"] = "a", ["calibrate"] = "yes" };

    [Fact]
    public async Task Calibrated_nodes_keep_their_calibration_in_configmaps_and_a_prediction_lists_every_pool_node_with_or_without_one()
    {
        await using var cluster = await OperatorCluster.StartAsync(output, new OperatorClusterOptions { Nodes = 0, Rbac = true });
        await cluster.AddNodeAsync("node-1", Calibrated);
        await cluster.AddNodeAsync("node-2", Calibrated);
        await cluster.AddNodeAsync("node-3", new Dictionary<string, string> { ["pool"] = "a" });
        cluster.StartOperator();

        // Warm, not the default drop: the test machine's page cache is shared with other tests.
        await cluster.CreateBenchmarkAsync("nodes", new UnpackBenchmarkSpec
        {
            Mode = BenchmarkMode.Calibrate,
            Placement = BenchmarkPlacement.EachNode,
            MaxParallelNodes = 2,
            Calibration = new CalibrationSpec { Set = CalibrationSets.Quick, Runs = 1, WarmupRuns = 0, Cache = "warm" },
            NodeSelector = new Dictionary<string, string> { ["calibrate"] = "yes" },
            TimeoutSeconds = 600,
        });
        var calibrated = await cluster.WaitForPhaseAsync("nodes", BenchmarkPhase.Succeeded, TimeSpan.FromMinutes(5));

        Assert.Equal(["node-1", "node-2"], calibrated.Status!.Nodes.Select(r => r.NodeName));
        var calibrations = new Dictionary<string, CalibrationDocument>();
        foreach (var row in calibrated.Status.Nodes)
        {
            var configMap = (await cluster.ConfigMapAsync(row.ResultConfigMap!))!;
            Assert.Equal((row.NodeName, CalibrationConfigMapBuilder.CalibrationDocumentValue), (configMap.Metadata.Labels[ObjectNames.NodeLabel], configMap.Metadata.Labels[CalibrationConfigMapBuilder.DocumentLabel]));
            var calibration = PredictionJson.ReadCalibration(configMap.Data[CalibrationConfigMapBuilder.DocumentKey], configMap.Metadata.Name);
            Assert.Equal((row.NodeName, CalibrationSets.Quick, "warm"), (calibration.Node.Hostname, calibration.Set, calibration.Conditions.CacheMode));
            calibrations[calibration.Node.Hostname] = calibration;
        }

        var image = await cluster.PushSampleAsync();
        await cluster.CreateBenchmarkAsync("sample", cluster.Spec(image) with { Mode = BenchmarkMode.Predict, NodeSelector = new Dictionary<string, string> { ["pool"] = "a" } });
        var predicted = await cluster.WaitForPhaseAsync("sample", BenchmarkPhase.PartiallySucceeded, TimeSpan.FromMinutes(2));

        var status = predicted.Status!;
        Assert.Equal(
            [("node-1", PredictionStates.Predicted), ("node-2", PredictionStates.Predicted), ("node-3", PredictionStates.NotCalibrated)],
            status.Predictions!.Select(r => (r.NodeName, r.State)));
        Assert.All(status.Predictions!.Take(2), row =>
        {
            Assert.True(double.Parse(row.PredictedSeconds!, CultureInfo.InvariantCulture) > 0, row.PredictedSeconds);
            Assert.Equal($"nodes-calibration-{row.NodeName}", row.Calibration);

            // Only what the node's calibration calls for: a drift (warm, beside other tests, it may drift) and a root on ext4 without a journal.
            var calibration = calibrations[row.NodeName];
            string[] drifted = calibration.Stability is { Stable: false } stability ? [CalibrationDrift.Warning(stability)] : [];
            string[] withoutJournal = calibration.Node.RootFilesystem == RootFilesystems.Ext4WithoutJournal ? [PredictionMaker.WithoutJournal] : [];
            Assert.Equal([.. drifted, .. withoutJournal], row.Warnings);
        });
        Assert.Equal((3, 2, "2/3"), (status.Survey!.Nodes, status.Survey.Succeeded, status.Survey.Progress));
        Assert.NotNull(status.Prediction!.Range);
        Assert.Equal(3, status.Image!.Layers);
        var index = PredictionIndex.Deserialize((await cluster.ConfigMapAsync("sample-result"))!.Data[PredictionIndex.DataKey]);
        Assert.Equal(["node-1", "node-2"], index.Predictions.Keys.Order());

        var counter = Assert.Single(await cluster.PodsAsync(), p => p.Metadata.Name.StartsWith("sample-", StringComparison.Ordinal));
        Assert.Contains("--features-only", counter.Spec.Containers[0].Args);
        Assert.Equal("Succeeded", counter.Status.Phase);
    }
}
