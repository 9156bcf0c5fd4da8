using System.Text;
using System.Text.Json;
using UnpackBench.Core.AgentProtocol;

namespace UnpackBench.Core.Tests.AgentProtocol;

public sealed class AgentTerminationMessageJsonTests
{
    private static AgentTerminationMessage Full(int runs, string message = "all runs succeeded") => new()
    {
        Outcome = AgentOutcomes.Succeeded,
        Message = message,
        SuccessfulRuns = runs,
        FailedRuns = 0,
        MedianSeconds = 3.123456789012345,
        AvgSeconds = 3.2345678901234567,
        MinSeconds = 2.9876543210987654,
        MaxSeconds = 3.9876543210987654,
        P95Seconds = 3.8765432109876543,
        ThroughputMbPerSecond = 321.12345678901234,
        RunSeconds = [.. Enumerable.Range(1, runs).Select(i => (double?)(3 + (i / 1000.123456789)))],
        ImageDigest = "sha256:" + new string('a', 64),
        Platform = "linux/amd64",
        Layers = 12,
        CompressedBytes = 123_456_789,
        UncompressedBytes = 987_654_321,
    };

    private static AgentTerminationMessage RoundTrip(AgentTerminationMessage message, out string json)
    {
        json = AgentTerminationMessageJson.Serialize(message);
        Assert.True(Encoding.UTF8.GetByteCount(json) <= AgentTerminationMessage.MaxBytes, $"{Encoding.UTF8.GetByteCount(json)} bytes");
        using var document = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return AgentTerminationMessageJson.TryParse(json)!;
    }

    [Fact]
    public void A_message_that_fits_is_written_whole_and_read_back_equal()
    {
        var message = Full(5);

        var read = RoundTrip(message, out _);

        Assert.Equal(message.RunSeconds, read.RunSeconds);
        Assert.Empty(read.Cut);
        Assert.Equal(message with { RunSeconds = null }, read with { RunSeconds = null, Cut = message.Cut });
    }

    [Fact]
    public void A_hundred_runs_keep_every_duration_and_the_verdict()
    {
        var read = RoundTrip(Full(100), out _);

        Assert.Equal(100, read.RunSeconds!.Count);
        Assert.Equal(AgentOutcomes.Succeeded, read.Outcome);
        Assert.Equal(3.123456789012345, read.MedianSeconds);
    }

    [Fact]
    public void A_huge_message_cuts_layers_then_durations_then_shortens_the_message_and_keeps_the_verdict()
    {
        var read = RoundTrip(Full(100, new string('x', 100_000)) with { Outcome = AgentOutcomes.Failed, Reason = AgentFailureReasons.AllRunsFailed }, out var json);

        Assert.Equal(["layers", "runSeconds", "message"], read.Cut);
        Assert.Equal((AgentOutcomes.Failed, AgentFailureReasons.AllRunsFailed, 100), (read.Outcome, read.Reason, read.SuccessfulRuns));
        Assert.Null(read.RunSeconds);
        Assert.Null(read.Layers);
        Assert.EndsWith("…", read.Message, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(json) > AgentTerminationMessage.MaxBytes - 16, "the message was shortened more than needed");
    }

    [Fact]
    public void A_message_just_too_long_for_the_layers_loses_only_the_layers()
    {
        var fits = AgentTerminationMessageJson.Serialize(Full(5));
        var padding = AgentTerminationMessage.MaxBytes - Encoding.UTF8.GetByteCount(fits) + 1;

        var read = RoundTrip(Full(5, "all runs succeeded" + new string('y', padding)), out _);

        Assert.Equal(["layers"], read.Cut);
        Assert.Equal(5, read.RunSeconds!.Count);
    }

    [Theory]
    [InlineData("emoji (surrogate pairs)", "🐳")]
    [InlineData("accents (two UTF-8 bytes)", "é")]
    [InlineData("quotes and backslashes (escaped)", "\"\\")]
    [InlineData("control characters (six bytes escaped)", "\u0001")]
    public void Any_text_is_cut_to_valid_json_within_the_limit(string @case, string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 5000));

        var read = RoundTrip(Full(100, text), out _);

        Assert.True(read.Message.Length > 0, @case);
        Assert.False(char.IsHighSurrogate(read.Message[^2]), $"{@case}: a surrogate pair was split");
    }

    [Theory]
    [InlineData("absent", null)]
    [InlineData("blank", "  \n ")]
    [InlineData("the runtime's text (the container never started)", "failed to create containerd task: OCI runtime create failed")]
    [InlineData("an array", """["Failed"]""")]
    [InlineData("truncated JSON", """{"outcome":"Failed","reason":"Incomplete","message":"interrupted; the runs comp""")]
    [InlineData("no outcome", """{"reason":"Incomplete"}""")]
    public void Anything_else_is_not_the_agents_message(string @case, string? text)
    {
        Assert.True(AgentTerminationMessageJson.TryParse(text) is null, @case);
    }
}
