using CliWrap;
using CliWrap.Buffered;
using UnpackBench.Agent.Tests.Support;
using UnpackBench.Core.Results;
using UnpackBench.Testing;

namespace UnpackBench.Agent.Tests.Comparison;

/// <summary><c>report</c> from a real benchmark's document: files, standard input and output, and bad input.</summary>
public sealed class ReportCommandTests(SampleBenchmark sample) : IClassFixture<SampleBenchmark>
{
    [Fact]
    public async Task A_report_with_a_baseline_is_written_whole_with_its_comparison()
    {
        using var agent = new AgentInvocation();
        var file = Write(agent, "result.json", sample.Json);

        var code = await agent.RawAsync(["report", file, "--baseline", file, "-o", agent.Path("report.html")]);

        Assert.True(code == 0, agent.Transcript);
        var html = File.ReadAllText(agent.Path("report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"comparison\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"run-durations\"", html, StringComparison.Ordinal);
        Assert.Contains($"Report written to {agent.Path("report.html")}", agent.StandardError, StringComparison.Ordinal);
        Assert.Equal(["report.html", "result.json"], Directory.GetFiles(agent.Path("")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_cluster_one_liner_pipes_a_document_in_and_the_page_out()
    {
        var agentPath = Path.Combine(AppContext.BaseDirectory, "unpackbench-agent");

        var result = await Cli.Wrap(agentPath).WithArguments(["report", "-", "-o", "-"])
            .WithStandardInputPipe(PipeSource.FromString(sample.Json))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.StartsWith("<!DOCTYPE html>", result.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public async Task Without_a_font_the_report_is_refused_with_what_to_install_and_nothing_is_written()
    {
        Prerequisites.RequireRoot("hiding the fonts takes a private mount namespace");
        using var agent = new AgentInvocation();
        var file = Write(agent, "result.json", sample.Json);
        var agentPath = Path.Combine(AppContext.BaseDirectory, "unpackbench-agent");

        // A machine without fonts: an empty tmpfs over the font directory, in a mount namespace of its own.
        var result = await Cli.Wrap("unshare")
            .WithArguments(["--mount", "sh", "-c", "mount -t tmpfs none /usr/share/fonts && exec \"$0\" report \"$1\" -o \"$2\"", agentPath, file, agent.Path("report.html")])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        Assert.True(result.ExitCode == 1, result.StandardError);
        Assert.Equal("error: no font is installed to draw the charts' titles and labels with; install one (on Debian or Ubuntu: apt-get install fonts-dejavu-core)\n", result.StandardError);
        Assert.False(File.Exists(agent.Path("report.html")));
    }

    [Fact]
    public async Task A_baseline_from_another_node_is_refused_and_no_page_is_written()
    {
        using var agent = new AgentInvocation();
        var file = Write(agent, "result.json", sample.Json);
        var other = Write(agent, "other.json", ResultJson.Serialize(sample.Result with { Environment = sample.Result.Environment with { Snapshotter = "native" } }));

        var code = await agent.RawAsync(["report", file, "--baseline", other, "-o", agent.Path("report.html")]);

        Assert.True(code == 2, agent.Transcript);
        Assert.Contains("environment.snapshotter differs", agent.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(agent.Path("report.html")));
    }

    [Fact]
    public async Task A_report_into_a_missing_directory_is_a_usage_error_and_leaves_nothing_behind()
    {
        using var agent = new AgentInvocation();
        var file = Write(agent, "result.json", sample.Json);

        var code = await agent.RawAsync(["report", file, "-o", agent.Path("missing/report.html")]);

        Assert.True(code == 2, agent.Transcript);
        Assert.Contains("cannot write the report to", agent.StandardError, StringComparison.Ordinal);
        Assert.Equal(["result.json"], Directory.GetFiles(agent.Path("")).Select(Path.GetFileName));
    }

    private static string Write(AgentInvocation agent, string name, string text)
    {
        var path = agent.Path(name);
        File.WriteAllText(path, text);
        return path;
    }
}
