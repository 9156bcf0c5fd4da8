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
    public void Agent_runs_the_agent_in_text_mode_with_only_options_it_has()
    {
        var command = Command();
        Assert.Equal(["agent", "run"], command.Take(2));
        Assert.Equal("text", OptionValue(command, "--log-format"));
        Assert.Equal("auto", OptionValue(command, "--stats-source"));
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

    [Fact]
    public void Containerd_root_is_on_a_named_volume()
    {
        var root = OptionValue(Command(), "--root");
        var named = Compose["volumes"]!.AsObject().Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(Mounts(), m => named.Contains(m.Source) && (root == m.Target || root.StartsWith(m.Target + "/", StringComparison.Ordinal)));
        Assert.StartsWith(Contracts.AgentStorageMountPath() + "/", root, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_directory_is_mounted_where_the_agent_writes()
    {
        Assert.Contains(Mounts(), m => m.Source == "./results" && m.Target == OptionValue(Command(), "--output"));
    }

    [Fact]
    public void Docker_socket_is_mounted_read_only_for_docker_stats()
    {
        Assert.Contains(Mounts(), m => m.Source == "/var/run/docker.sock" && m.Target == "/var/run/docker.sock" && m.Mode == "ro");
    }

    private static List<string> Command() => Agent["command"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();

    private static string OptionValue(List<string> command, string option)
    {
        var index = command.IndexOf(option);
        Assert.True(index >= 0 && index + 1 < command.Count, $"the agent's command has no {option} VALUE");
        return command[index + 1];
    }

    private static IEnumerable<(string Source, string Target, string Mode)> Mounts() =>
        Agent["volumes"]!.AsArray().Select(v => v!.GetValue<string>().Split(':')).Select(p => (p[0], p[1], p.Length > 2 ? p[2] : "rw"));
}
