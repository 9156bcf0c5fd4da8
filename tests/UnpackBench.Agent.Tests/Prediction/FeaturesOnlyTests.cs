using UnpackBench.Agent.Tests.Support;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Prediction;
using UnpackBench.Testing;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.Prediction;

/// <summary><c>predict --features-only</c>: one count of an image, for the operator to predict every calibrated node from. No containerd is started.</summary>
public sealed class FeaturesOnlyTests : IDisposable
{
    private readonly TempDirectory _directory = new("features-only");
    private readonly string _sample;

    public FeaturesOnlyTests()
    {
        _sample = SampleImage.WriteArchive(_directory.Path, "example.com/sample:1");
    }

    [Fact]
    public async Task Features_only_prints_the_image_features_document_that_a_full_prediction_counts_too()
    {
        using var agent = new AgentInvocation();
        var calibration = agent.Path("calibration.json");
        await SyntheticCalibration.WriteAsync(calibration, ["gzip", "zstd", "none"]);

        var code = await agent.RawAsync(["predict", "--archive", _sample, "--features-only"]);

        Assert.True(code == 0, agent.Transcript);
        var features = PredictionJson.ReadFeatures(agent.StandardOutput, "stdout");
        Assert.Equal(3, features.Layers.Count);

        code = await agent.RawAsync(["predict", "--archive", _sample, "--calibration", calibration, "--json"]);

        Assert.True(code == 0, agent.Transcript);
        var prediction = PredictionJson.ReadPrediction(agent.StandardOutput, "stdout");
        Assert.Equal(features.ManifestDigest, prediction.ManifestDigest);
        Assert.Equivalent(features.Layers, prediction.Layers.Select(l => l.Features), strict: true);
    }

    [Fact]
    public async Task In_json_log_mode_the_features_arrive_as_the_last_event_and_the_verdict_in_the_termination_message()
    {
        using var agent = new AgentInvocation();
        var termination = agent.Path("termination-log");

        var code = await agent.RawAsync(["predict", "--archive", _sample, "--features-only", "--log-format", "json", "--termination-message-path", termination]);

        Assert.True(code == 0, agent.Transcript);
        var events = agent.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => AgentEventJson.TryParse(l)).ToList();
        Assert.All(events, e => Assert.NotNull(e));
        var last = events[^1]!;
        Assert.Equal(AgentEventKinds.Features, last.Event);
        Assert.Equal(3, last.Features!.Layers.Count);
        var verdict = AgentTerminationMessageJson.TryParse(await File.ReadAllTextAsync(termination))!;
        Assert.Equal(AgentOutcomes.Succeeded, verdict.Outcome);
    }

    [Fact]
    public async Task Features_only_with_a_calibration_is_a_usage_error_reported_as_a_failed_event()
    {
        using var agent = new AgentInvocation();
        var termination = agent.Path("termination-log");

        var code = await agent.RawAsync(["predict", "--archive", _sample, "--features-only", "--calibration", _sample, "--log-format", "json", "--termination-message-path", termination]);

        Assert.Equal(2, code);
        Assert.Contains("error: --features-only only counts the image's features: leave out --calibration and --measured", agent.StandardError, StringComparison.Ordinal);
        var failed = AgentEventJson.TryParse(agent.StandardOutput.Trim())!;
        Assert.Equal((AgentEventKinds.Failed, AgentFailureReasons.InvalidSpec), (failed.Event, failed.Reason));
        Assert.Equal(AgentFailureReasons.InvalidSpec, AgentTerminationMessageJson.TryParse(await File.ReadAllTextAsync(termination))!.Reason);
    }

    public void Dispose() => _directory.Dispose();
}
