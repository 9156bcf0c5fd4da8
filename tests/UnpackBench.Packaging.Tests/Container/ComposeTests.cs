using System.Text.Json.Nodes;
using UnpackBench.Packaging.Tests.Infrastructure;

namespace UnpackBench.Packaging.Tests.Container;

public sealed class ComposeTests
{
    private static readonly JsonObject Compose = YamlDocuments.ParseSingle(Repository.Read("docker-compose.yml"));
    private static readonly JsonObject Agent = Compose["services"]!["agent"]!.AsObject();

    [Fact]
    public void Agent_is_built_from_the_dockerfile()
    {
        Assert.Equal(".", Agent["build"]!["context"]!.GetValue<string>());
        Assert.True(File.Exists(Repository.PathOf(Agent["build"]!["dockerfile"]!.GetValue<string>())));
    }

    [Fact]
    public void Agent_runs_privileged_as_root()
    {
        Assert.True(Agent["privileged"]!.GetValue<bool>());
        Assert.Contains(Agent["user"]!.GetValue<string>(), new[] { "root", "0", "0:0" });
    }

    [Fact]
    public void Agent_entrypoint_runs_the_agent_in_text_mode_with_only_options_it_has_and_an_empty_command()
    {
        var command = Entrypoint();
        Assert.Equal(["unpackbench", "agent", "run"], command.Take(3));
        Assert.Empty(Agent["command"]!.AsArray());
        Assert.Equal("text", OptionValue(command, "--log-format"));
        Assert.Equal("${STATS_SOURCE:-auto}", OptionValue(command, "--stats-source"));
        var known = Contracts.AgentRunOptions();
        Assert.All(command.Where(a => a.StartsWith("--", StringComparison.Ordinal)), o => Assert.Contains(o, known));
        Assert.DoesNotContain("--image", command);
        Assert.DoesNotContain("--runs", command);
    }

    [Fact]
    public void Image_and_runs_come_from_the_env_file()
    {
        var env = Repository.Read(".env").Split('\n').Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        Assert.NotEmpty(env["TARGET_IMAGE"]);
        Assert.InRange(int.Parse(env["NUM_RUNS"], System.Globalization.CultureInfo.InvariantCulture), 1, 100);
        Assert.StartsWith("${TARGET_IMAGE", Agent["environment"]!["TARGET_IMAGE"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("${NUM_RUNS", Agent["environment"]!["NUM_RUNS"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static List<string> Entrypoint() => Agent["entrypoint"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();

    private static string OptionValue(List<string> command, string option)
    {
        var index = command.IndexOf(option);
        Assert.True(index >= 0 && index + 1 < command.Count, $"the agent's command has no {option} VALUE");
        return command[index + 1];
    }
}
