using UnpackBench.Agent.Containerd;

namespace UnpackBench.Agent.Tests.Containerd;

public sealed class ContainerdConfigFileTests
{
    private static string[] Lines(string toml) => toml.Split('\n').Select(l => l.Trim()).ToArray();

    private static string SectionOf(string toml, string header)
    {
        var lines = toml.Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == header);
        Assert.True(start >= 0, $"no {header} section in:\n{toml}");
        return string.Join('\n', lines.Skip(start + 1).TakeWhile(l => !l.TrimStart().StartsWith('[')));
    }

    [Fact]
    public void Every_path_containerd_writes_lies_under_the_agents_directory()
    {
        var toml = ContainerdConfigFile.Render(new PrivateContainerdLayout("/var/lib/unpackbench"));

        Assert.Contains("root = \"/var/lib/unpackbench/root\"", Lines(toml));
        Assert.Contains("state = \"/var/lib/unpackbench/state\"", Lines(toml));
        Assert.Contains("address = \"/var/lib/unpackbench/state/containerd.sock\"", Lines(SectionOf(toml, "[grpc]")));
        Assert.Contains("address = \"/var/lib/unpackbench/state/containerd.sock.ttrpc\"", Lines(SectionOf(toml, "[ttrpc]")));
        Assert.Contains("path = \"/var/lib/unpackbench/opt\"", Lines(SectionOf(toml, "[plugins.\"io.containerd.internal.v1.opt\"]")));
    }

    [Fact]
    public void Cri_plugin_is_disabled()
    {
        var toml = ContainerdConfigFile.Render(new PrivateContainerdLayout("/var/lib/unpackbench"));

        Assert.Contains("disabled_plugins = [\"io.containerd.grpc.v1.cri\"]", Lines(toml));
    }

    [Fact]
    public void Debug_and_metrics_listen_nowhere()
    {
        var toml = ContainerdConfigFile.Render(new PrivateContainerdLayout("/var/lib/unpackbench"));

        Assert.Contains("address = \"\"", Lines(SectionOf(toml, "[debug]")));
        Assert.Contains("address = \"\"", Lines(SectionOf(toml, "[metrics]")));
    }

    [Fact]
    public void Long_base_directory_puts_the_socket_under_run()
    {
        var layout = new PrivateContainerdLayout("/srv/" + new string('x', 200));

        var toml = ContainerdConfigFile.Render(layout);

        Assert.Contains($"address = \"{layout.SocketPath}\"", Lines(SectionOf(toml, "[grpc]")));
        Assert.StartsWith("/run/unpackbench/", layout.SocketPath, StringComparison.Ordinal);
    }

    [Theory]
    // TOML basic strings escape '"' as \" and '\' as \\ (toml.io, v1.0.0, "String").
    [InlineData("double quote", "/tmp/we\"ird", "root = \"/tmp/we\\\"ird/root\"")]
    [InlineData("backslash", "/tmp/back\\slash", "root = \"/tmp/back\\\\slash/root\"")]
    [InlineData("single quote needs no escape", "/tmp/it's", "root = \"/tmp/it's/root\"")]
    public void Paths_are_quoted_as_toml_basic_strings(string @case, string baseDirectory, string expectedLine)
    {
        var toml = ContainerdConfigFile.Render(new PrivateContainerdLayout(baseDirectory));

        Assert.True(Lines(toml).Contains(expectedLine), $"{@case}:\n{toml}");
    }
}
