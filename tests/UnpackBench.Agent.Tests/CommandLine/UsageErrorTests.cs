using UnpackBench.Agent.Tests.Support;

namespace UnpackBench.Agent.Tests.CommandLine;

/// <summary>
/// Wrong command lines end with exit code 2, a sentence naming the problem, no stack trace, and
/// nothing started or written.
/// </summary>
public sealed class UsageErrorTests
{
    public static TheoryData<string, string[], string> Cases => new()
    {
        { "no image", [], "no image given" },
        { "image and archive", ["--image", "busybox", "--archive", "/nonexistent.tar"], "both --image and --archive" },
        { "zero runs", ["--image", "busybox", "--runs", "0"], "--runs 0 is too small" },
        { "negative runs", ["--image", "busybox", "--runs", "-3"], "--runs -3 is too small" },
        { "absurd runs", ["--image", "busybox", "--runs", "100000"], "at most 100" },
        { "runs not a number", ["--image", "busybox", "--runs", "many"], "many" },
        { "too many warm-ups", ["--image", "busybox", "--warmup", "50"], "--warmup 50 is too large" },
        { "shell metacharacters", ["--image", "busybox;rm -rf /"], "invalid" },
        { "command substitution", ["--image", "$(reboot)"], "invalid" },
        { "upper-case repository", ["--image", "docker.io/Library/Busybox"], "lower-case" },
        { "bad tag", ["--image", "busybox:.bad"], "invalid tag" },
        { "bad digest", ["--image", "busybox@sha256:123"], "64 lower-case hex" },
        { "unknown platform", ["--image", "busybox", "--platform", "linux/sparc64"], "unknown architecture" },
        { "malformed platform", ["--image", "busybox", "--platform", "amd64"], "os/architecture" },
        { "missing archive", ["--archive", "/nonexistent/image.tar"], "does not exist" },
        { "missing registry config", ["--image", "busybox", "--registry-config", "/nonexistent/config.json"], "does not exist" },
        { "invalid snapshotter name", ["--image", "busybox", "--snapshotter", "../../etc"], "not valid" },
        { "unknown option", ["--image", "busybox", "--fast"], "--fast" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_command_line_exits_2_with_a_message_and_starts_nothing(string name, string[] arguments, string expected)
    {
        using var agent = new AgentInvocation();

        var code = await agent.RunAsync(arguments);

        Assert.True(code == 2, $"{name}: exit {code}\n{agent.Transcript}");
        Assert.Contains(expected, agent.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", agent.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(agent.Root), "the containerd root was created for a usage error");
        Assert.Empty(agent.ResultFiles());
    }

    [Fact]
    public async Task All_problems_are_reported_at_once()
    {
        using var agent = new AgentInvocation();

        var code = await agent.RunAsync("--image", "Bad Image", "--runs", "0", "--platform", "nope");

        Assert.Equal(2, code);
        var errors = agent.StandardError.Split('\n').Count(l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Equal(3, errors);
    }

    [Fact]
    public async Task TARGET_IMAGE_and_NUM_RUNS_are_read_when_the_options_are_absent()
    {
        using var agent = new AgentInvocation();
        agent.Environment["TARGET_IMAGE"] = "busybox";
        agent.Environment["NUM_RUNS"] = "0";

        var code = await agent.RunAsync();

        Assert.Equal(2, code);
        Assert.Contains("NUM_RUNS=0 is too small", agent.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("no image given", agent.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_option_of_the_contract()
    {
        using var agent = new AgentInvocation();

        var code = await agent.RawAsync(["run", "--help"]);

        Assert.Equal(0, code);
        foreach (var option in new[] { "--image", "--archive", "--runs", "--warmup", "--snapshotter", "--platform", "--plain-http", "--registry-config", "--root", "--containerd-address", "--output", "--json" })
        {
            Assert.Contains(option, agent.StandardOutput, StringComparison.Ordinal);
        }
    }
}
