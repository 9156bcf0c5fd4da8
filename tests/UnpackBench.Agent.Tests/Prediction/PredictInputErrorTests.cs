using System.Text.Json;
using UnpackBench.Agent.Tests.Support;

using UnpackBench.Core.Prediction;
using UnpackBench.Testing;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.Prediction;

/// <summary>predict given documents and images it cannot use, and calibrations made under other conditions. No containerd is started.</summary>
public sealed class PredictInputErrorTests : IDisposable
{
    private readonly TempDirectory _directory = new("predict-input");
    private readonly string _sample;

    public PredictInputErrorTests()
    {
        _sample = SampleImage.WriteArchive(_directory.Path, "example.com/sample:1");
    }

    [Fact]
    public async Task A_calibration_from_another_containerd_version_and_snapshotter_predicts_with_a_warning_for_each()
    {
        using var agent = new AgentInvocation();
        var calibration = agent.Path("other.json");
        var written = await SyntheticCalibration.WriteAsync(calibration, ["gzip", "zstd", "none"], c => c with { ContainerdVersion = "1.7.99-elsewhere" });

        var code = await agent.RawAsync(["predict", "--archive", _sample, "--calibration", calibration, "--snapshotter", "native"]);

        Assert.True(code == 0, agent.Transcript);
        var local = await Agent.Prediction.LocalConditions.ProbeAsync("native", "warm", Environment.GetEnvironmentVariable("PATH"), CancellationToken.None);
        Assert.Contains($"warning: the calibration was measured with containerd 1.7.99-elsewhere, but this machine has {local.ContainerdVersion}", agent.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"warning: the calibration was measured with snapshotter {written.Conditions.Snapshotter}, but this machine has native", agent.StandardOutput, StringComparison.Ordinal);

        code = await agent.RawAsync(["predict", "--archive", _sample, "--calibration", calibration, "--snapshotter", "native", "--json"]);

        Assert.True(code == 0, agent.Transcript);
        var prediction = PredictionJson.ReadPrediction(agent.StandardOutput, "stdout");
        Assert.Equal(2, prediction.Warnings.Count);
        Assert.Contains(prediction.Warnings, w => w.Contains("containerd 1.7.99-elsewhere", StringComparison.Ordinal));
        Assert.Contains(prediction.Warnings, w => w.Contains("snapshotter overlayfs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_calibration_under_this_machines_conditions_predicts_without_warnings()
    {
        using var agent = new AgentInvocation();
        var calibration = agent.Path("same.json");
        await SyntheticCalibration.WriteAsync(calibration, ["gzip", "zstd", "none"]);

        var code = await agent.RawAsync(["predict", "--archive", _sample, "--calibration", calibration, "--json"]);

        Assert.True(code == 0, agent.Transcript);
        var prediction = PredictionJson.ReadPrediction(agent.StandardOutput, "stdout");
        Assert.Empty(prediction.Warnings);
        Assert.Equal(3, prediction.Layers.Count);
        Assert.Equal(prediction.Layers.Sum(l => l.Predicted.Seconds), prediction.Total.Seconds, 9);
        Assert.Equal("calibrated-node", prediction.Calibration.Hostname);
    }

    [Theory]
    [InlineData("truncated", "is not valid JSON")]
    [InlineData("result", "is not a unpackbench.calibration document (it has no \"kind\")")]
    [InlineData("future", "has schema_version 2, but this agent reads version 1")]
    [InlineData("incomplete", "is incomplete or corrupt")]
    public async Task A_corrupt_calibration_document_is_refused_with_what_is_wrong_and_what_to_do(string damage, string expected)
    {
        using var agent = new AgentInvocation();
        var good = agent.Path("good.json");
        await SyntheticCalibration.WriteAsync(good, ["gzip"]);
        var text = await File.ReadAllTextAsync(good);
        var broken = agent.Path("cal.json");
        await File.WriteAllTextAsync(broken, damage switch
        {
            "truncated" => text[..(text.Length / 2)],
            "result" => """{ "schema_version": 1, "benchmark_config": {}, "summary": {} }""",
            "future" => text.Replace("\"schema_version\": 1", "\"schema_version\": 2", StringComparison.Ordinal),
            _ => text.Replace("\"model\":", "\"modell\":", StringComparison.Ordinal),
        });

        var code = await agent.RawAsync(["predict", "--archive", _sample, "--calibration", broken]);

        Assert.Equal(2, code);
        Assert.StartsWith($"error: cal.json ", agent.StandardError, StringComparison.Ordinal);
        Assert.Contains(expected, agent.StandardError, StringComparison.Ordinal);
        Assert.Contains("unpackbench-agent calibrate", agent.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", agent.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zstd_layer_without_zstd_coefficients_is_refused_naming_the_layer_and_media_type()
    {
        using var agent = new AgentInvocation();
        var calibration = agent.Path("gzip-only.json");
        await SyntheticCalibration.WriteAsync(calibration, ["gzip", "none"]);

        var code = await agent.RawAsync(["predict", "--archive", _sample, "--calibration", calibration]);

        Assert.Equal(1, code);
        Assert.Matches($"(?m)^error: layer 2/3 \\(sha256:[0-9a-f]{{64}}\\) has media type {Core.Images.MediaTypes.OciLayerZstd.Replace("+", "\\+", StringComparison.Ordinal)}, but the calibration has no coefficients for zstd layers", agent.StandardError);
        Assert.DoesNotContain("counting layer", agent.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_layer_of_a_foreign_media_type_is_refused_naming_the_layer_and_media_type()
    {
        using var agent = new AgentInvocation();
        var calibration = agent.Path("cal.json");
        await SyntheticCalibration.WriteAsync(calibration, ["gzip", "zstd", "none"]);
        var archive = agent.Path("foreign.tar");
        var digest = ForeignLayerArchive.Write(agent.Path("foreign-layout"), archive);

        var code = await agent.RawAsync(["predict", "--archive", archive, "--calibration", calibration]);

        Assert.Equal(1, code);
        Assert.Contains($"layer 2 ({digest}) has media type '{ForeignLayerArchive.MediaType}', which containerd cannot apply", agent.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("counting layer", agent.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_without_a_calibration_or_an_image_lists_both_problems()
    {
        using var agent = new AgentInvocation();

        var code = await agent.RawAsync(["predict"]);

        Assert.Equal(2, code);
        Assert.Contains("error: no image given", agent.StandardError, StringComparison.Ordinal);
        Assert.Contains("error: no calibration given: pass --calibration FILE", agent.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_measurement_of_another_image_is_refused()
    {
        using var agent = new AgentInvocation();
        var calibration = agent.Path("cal.json");
        await SyntheticCalibration.WriteAsync(calibration, ["gzip", "zstd", "none"]);
        var measured = agent.Path("benchmark.json");
        await File.WriteAllTextAsync(measured, JsonSerializer.Serialize(new { }));

        var code = await agent.RawAsync(["predict", "--archive", _sample, "--calibration", calibration, "--measured", measured]);

        Assert.Equal(2, code);
        Assert.Contains("error: benchmark.json is not a result document of unpackbench-agent run", agent.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
