using System.Text.Json;
using UnpackBench.Agent.Tests.Support;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Results;
using UnpackBench.Testing;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.CommandLine;

/// <summary>What an operator reads from an agent pod: JSON events in the log and the termination message.</summary>
public sealed class MachineReadableOutputTests : IDisposable
{
    private readonly TempDirectory _directory = new("events");
    private readonly string _archive;

    public MachineReadableOutputTests()
    {
        _archive = SampleImage.WriteArchive(_directory.Path);
    }

    [Fact]
    public async Task Json_log_has_one_event_per_line_a_run_event_per_run_and_the_document_last()
    {
        using var agent = new AgentInvocation();
        var message = agent.Path("termination-log");

        var code = await agent.RunAsync("--archive", _archive, "--runs", "3", "--log-format", "json", "--termination-message-path", message);

        Assert.True(code == 0, agent.Transcript);
        var lines = agent.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var events = lines.Select(AgentEventJson.TryParse).ToList();
        Assert.All(events, e => Assert.NotNull(e));
        Assert.Single(events, e => e!.Event == AgentEventKinds.Acquired);
        var runs = events.Where(e => e!.Event == AgentEventKinds.Run).ToList();
        Assert.Equal([1, 2, 3], runs.Select(e => e!.CompletedRuns!.Value));
        Assert.All(runs, e => Assert.Equal(3, e!.TotalRuns));
        Assert.Equal(AgentEventKinds.Result, events[^1]!.Event);
        Assert.Equal(ResultJson.Serialize(ResultJson.Deserialize(File.ReadAllText(agent.ResultFiles().Single()))), ResultJson.Serialize(events[^1]!.Result!));
        using var termination = JsonDocument.Parse(File.ReadAllText(message));
        Assert.Equal("Succeeded", termination.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(3, termination.RootElement.GetProperty("successfulRuns").GetInt32());
        // The termination message carries the verdict alone, for when the log cannot be read.
        var verdict = AgentTerminationMessageJson.TryParse(File.ReadAllText(message))!;
        var document = events[^1]!.Result!;
        Assert.Equal(document.Runs.Select(r => r.DurationSeconds), verdict.RunSeconds!);
        Assert.Equal((document.Image.Digest, document.Summary.MedianDurationSeconds), (verdict.ImageDigest, verdict.MedianSeconds));
    }

    [Theory]
    [InlineData("unreachable registry", new[] { "--image", "127.0.0.1:1/none/none:v1", "--plain-http" }, AgentFailureReasons.RegistryUnreachable, 1)]
    [InlineData("unknown snapshotter", new[] { "--snapshotter", "nosuch" }, AgentFailureReasons.SnapshotterUnavailable, 2)]
    [InlineData("invalid arguments", new[] { "--runs", "0" }, AgentFailureReasons.InvalidSpec, 2)]
    public async Task A_failure_ends_with_a_failed_event_and_a_termination_message_naming_the_reason(string name, string[] arguments, string reason, int exitCode)
    {
        using var agent = new AgentInvocation();
        var message = agent.Path("termination-log");
        string[] image = arguments.Contains("--image") ? [] : ["--archive", _archive];

        var code = await agent.RunAsync([.. image, .. arguments, "--log-format", "json", "--termination-message-path", message]);

        Assert.True(code == exitCode, $"{name}: {agent.Transcript}");
        var last = AgentEventJson.TryParse(agent.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.Equal(AgentEventKinds.Failed, last!.Event);
        Assert.Equal(reason, last.Reason);
        using var termination = JsonDocument.Parse(File.ReadAllText(message));
        Assert.Equal("Failed", termination.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(reason, termination.RootElement.GetProperty("reason").GetString());
        Assert.True(File.ReadAllBytes(message).Length <= 4096);
    }

    [Fact]
    public async Task Json_log_and_json_document_on_stdout_are_exclusive()
    {
        using var agent = new AgentInvocation();

        var code = await agent.RunAsync("--archive", _archive, "--log-format", "json", "--json");

        Assert.Equal(2, code);
        Assert.Contains("--json and --log-format json", agent.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
