using UnpackBench.Agent.Tests.Support;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Tests.Comparison;

/// <summary><c>compare</c>'s answers to documents it cannot compare, and to wrong options: a sentence and exit code 2.</summary>
public sealed class CompareCommandTests(SampleBenchmark sample) : IClassFixture<SampleBenchmark>
{
    [Fact]
    public async Task A_document_compared_with_itself_is_the_same_or_inconclusive_and_not_a_regression()
    {
        using var agent = new AgentInvocation();
        var file = Write(agent, "a.json", sample.Json);

        var code = await agent.RawAsync(["compare", file, file]);

        Assert.True(code == 0, agent.Transcript);
        Assert.Matches("^Unpack time: (SAME|INCONCLUSIVE)", agent.StandardOutput);
        Assert.Contains("ratio      1.000", agent.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("0 added, 0 removed, 3 unchanged", agent.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("", agent.StandardError);
    }

    [Theory]
    [InlineData("not JSON", "hello", "is not JSON")]
    [InlineData("another JSON file", """{ "name": "left-pad" }""", "is not an UnpackBench result document")]
    [InlineData("a newer schema", """{ "schema_version": 2, "benchmark_config": {} }""", "has schema_version 2, newer than this version reads (1); use a newer unpackbench-agent")]
    public async Task A_file_that_is_not_a_result_document_is_refused_with_what_it_is(string _, string text, string expected)
    {
        using var agent = new AgentInvocation();
        var good = Write(agent, "good.json", sample.Json);
        var bad = Write(agent, "bad.json", text);

        var code = await agent.RawAsync(["compare", good, bad]);

        Assert.True(code == 2, agent.Transcript);
        Assert.StartsWith($"error: {bad} {expected}", agent.StandardError, StringComparison.Ordinal);
        Assert.Empty(agent.StandardOutput);
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        using var agent = new AgentInvocation();
        var good = Write(agent, "good.json", sample.Json);

        var code = await agent.RawAsync(["compare", good, agent.Path("nowhere.json")]);

        Assert.True(code == 2, agent.Transcript);
        Assert.Contains("nowhere.json does not exist", agent.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_from_different_nodes_are_refused_naming_the_field_unless_forced()
    {
        using var agent = new AgentInvocation();
        var here = Write(agent, "here.json", sample.Json);
        var elsewhere = Write(agent, "elsewhere.json", ResultJson.Serialize(sample.Result with { Environment = sample.Result.Environment with { Hostname = "node-2" } }));

        var refused = await agent.RawAsync(["compare", here, elsewhere]);

        Assert.True(refused == 2, agent.Transcript);
        Assert.Contains($"environment.hostname differs: baseline \"{sample.Result.Environment.Hostname}\", candidate \"node-2\"", agent.StandardError, StringComparison.Ordinal);
        Assert.Contains("pass --force", agent.StandardError, StringComparison.Ordinal);

        var forced = await agent.RawAsync(["compare", here, elsewhere, "--force"]);

        Assert.True(forced == 0, agent.Transcript);
        Assert.Contains("forced     environment.hostname differs", agent.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_of_another_schema_version_is_refused_even_when_forced()
    {
        using var agent = new AgentInvocation();
        var current = Write(agent, "current.json", sample.Json);
        var older = Write(agent, "older.json", sample.Json.Replace("\"schema_version\": 1", "\"schema_version\": 0", StringComparison.Ordinal));

        var code = await agent.RawAsync(["compare", older, current, "--force"]);

        Assert.True(code == 2, agent.Transcript);
        Assert.StartsWith($"error: {older} has schema_version 0", agent.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--threshold", "0", "--threshold: the threshold must be a percentage above 0 and below 100")]
    [InlineData("--threshold", "150", "--threshold: the threshold must be a percentage above 0 and below 100")]
    [InlineData("--format", "xml", "xml")]
    public async Task A_wrong_option_is_a_usage_error(string option, string value, string expected)
    {
        using var agent = new AgentInvocation();
        var file = Write(agent, "a.json", sample.Json);

        var code = await agent.RawAsync(["compare", file, file, option, value]);

        Assert.True(code == 2, agent.Transcript);
        Assert.Contains(expected, agent.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_stands_for_the_newest_document_in_it()
    {
        using var agent = new AgentInvocation();
        Write(agent, "results/benchmark_20260101T000000Z.json", "not even JSON");
        Write(agent, "results/benchmark_20260301T000000Z.json", sample.Json);

        var code = await agent.RawAsync(["compare", agent.Path("results"), agent.Path("results")]);

        Assert.True(code == 0, agent.Transcript);
    }

    private static string Write(AgentInvocation agent, string name, string text)
    {
        var path = agent.Path(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
