using System.Globalization;
using UnpackBench.Agent.Tests.Support;
using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;
using UnpackBench.Testing;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.Prediction;

/// <summary>The whole path on a real containerd: calibrate with the quick set, predict an image, benchmark it, and report the prediction's error.</summary>
public sealed class CalibratePredictEndToEndTests : IDisposable
{
    private readonly TempDirectory _images = new("e2e-images");

    [Fact]
    public async Task Calibrate_then_predict_then_run_reports_how_far_the_prediction_was_from_the_measured_median()
    {
        using var agent = new AgentInvocation();
        var archive = SampleImage.WriteArchive(_images.Path, "example.com/sample:1");

        // Warm, in calibration and run alike: the same conditions, without dropping the page cache of a machine running other tests.
        var code = await agent.RawAsync(["calibrate", "--set", "quick", "--runs", "1", "--warmup", "0", "--cache", "warm", "--root", agent.Root, "--output", agent.Path("calibration")]);

        Assert.True(code == 0, agent.Transcript);
        var calibrationPath = Assert.Single(Directory.GetFiles(agent.Path("calibration"), "calibration_*.json"));
        var calibration = PredictionJson.ReadCalibration(await File.ReadAllTextAsync(calibrationPath), "calibration");
        Assert.Equal(CalibrationSets.Quick, calibration.Set);
        Assert.Equal(["gzip", "zstd", "none"], calibration.Model.Compressions);
        Assert.Equal(19, calibration.Observations.Count);
        Assert.All(calibration.Observations, o => Assert.True(o.MeasuredSeconds > 0 && o.PredictedSeconds >= 0));
        Assert.Equal("overlayfs", calibration.Conditions.Snapshotter);
        Assert.Equal("warm", calibration.Conditions.CacheMode);
        Assert.Equal(calibration.Node.ContainerdVersion, calibration.Conditions.ContainerdVersion);
        Assert.Contains("error on images left out", agent.StandardOutput, StringComparison.Ordinal);
        // 16 images, and the drift check's image twice more: halfway through and at the end.
        Assert.Equal(18, Directory.GetFiles(Path.Combine(agent.Path("calibration"), Path.GetFileNameWithoutExtension(calibrationPath)), "benchmark_*.json").Length);
        var stability = calibration.Stability!;
        Assert.Equal("files-400", stability.Case);
        Assert.Equal(3, stability.Seconds.Count);
        Assert.Equal(stability.Seconds[0], calibration.Observations.Single(o => o.Case == "files-400").MeasuredSeconds);
        Assert.Contains(stability.Stable ? "drift check: calibration image files-400 took" : "warning: the node's costs drifted while it was calibrated", agent.StandardOutput, StringComparison.Ordinal);

        code = await agent.RunAsync("--archive", archive, "--runs", "3", "--cache", "warm");

        Assert.True(code == 0, agent.Transcript);
        var measuredPath = Assert.Single(agent.ResultFiles());
        var measured = ResultJson.Deserialize(await File.ReadAllTextAsync(measuredPath));

        code = await agent.RawAsync(["predict", "--archive", archive, "--calibration", calibrationPath, "--measured", measuredPath, "--json"]);

        Assert.True(code == 0, agent.Transcript);
        var prediction = PredictionJson.ReadPrediction(agent.StandardOutput, "stdout");
        var check = prediction.Check!;
        Assert.Equal(measured.Summary.MedianDurationSeconds, check.MeasuredSeconds);
        Assert.Equal(3, check.Runs);
        Assert.Equal((prediction.Total.Seconds - check.MeasuredSeconds) / check.MeasuredSeconds, check.RelativeError, 9);
        Assert.Equal(check.MeasuredSeconds >= prediction.Total.LowerSeconds && check.MeasuredSeconds <= prediction.Total.UpperSeconds, check.WithinInterval);
        Assert.Equal([1, 2, 3], check.Layers.Select(l => l.Layer));
        // Warm and on a machine busy with other tests, the drift check may find the node drifted, and the root may be
        // ext4 without a journal; the prediction says so, and says nothing else.
        string[] drifted = stability.Stable ? [] : [Analysis.Prediction.CalibrationDrift.Warning(stability)];
        string[] withoutJournal = calibration.Node.RootFilesystem == RootFilesystems.Ext4WithoutJournal ? [Analysis.Prediction.PredictionMaker.WithoutJournal] : [];
        Assert.Equal([.. drifted, .. withoutJournal], prediction.Warnings);
        Assert.Equal(withoutJournal.Length == 0 ? [] : [RootFilesystems.Ext4WithoutJournalNote], calibration.Notes);

        code = await agent.RawAsync(["predict", "--archive", archive, "--calibration", calibrationPath, "--measured", measuredPath]);

        Assert.True(code == 0, agent.Transcript);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"the prediction is off by {check.RelativeError:+0.0%;-0.0%}"), agent.StandardOutput, StringComparison.Ordinal);
        ContainerdProcesses.AssertNoneUnder(agent.Root);
    }

    public void Dispose() => _images.Dispose();
}
