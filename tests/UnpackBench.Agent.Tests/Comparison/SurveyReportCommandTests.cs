using System.Globalization;
using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Tests.Comparison;

/// <summary>
/// <c>report</c> of a survey from its ConfigMaps as <c>kubectl get cm -l unpackbench.io/benchmark=NAME -o json</c>
/// prints them, piped in: the README's one-liner, run as written. The node documents are a real benchmark's, as two nodes.
/// </summary>
public sealed class SurveyReportCommandTests(SampleBenchmark sample) : IClassFixture<SampleBenchmark>
{
    private static readonly string AgentPath = Path.Combine(AppContext.BaseDirectory, "unpackbench-agent");

    [Fact]
    public async Task The_READMEs_survey_one_liner_pipes_the_config_maps_in_and_writes_the_node_comparison()
    {
        var (selector, arguments) = DocumentedOneLiner();
        using var agent = new Support.AgentInvocation();
        Directory.CreateDirectory(agent.Path("work"));

        var result = await Report(SurveyConfigMaps(), agent.Path("work"), arguments);

        Assert.Equal($"{ResultConfigMapMetadata.BenchmarkLabel}=python-fleet", selector);
        Assert.True(result.ExitCode == 0, result.StandardError);
        var page = File.ReadAllText(agent.Path(Path.Combine("work", arguments[^1])));
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains($"<title>Unpack survey: {sample.Result.BenchmarkConfig.TargetImage}</title>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"node-comparison\" data-points=\"2\"", page, StringComparison.Ordinal);
        Assert.StartsWith("Report written to ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_survey_page_goes_to_standard_output_with_dash()
    {
        var result = await Report(SurveyConfigMaps(), null, "report", "-", "-o", "-");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("id=\"node-comparison\" data-points=\"2\"", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public async Task A_cut_off_listing_is_refused_as_not_json_naming_both_inputs()
    {
        var listing = SurveyConfigMaps();

        var result = await Report(listing[..(listing.Length / 2)], null, "report", "-", "-o", "-");

        Assert.True(result.ExitCode == 2, result.StandardError);
        Assert.StartsWith("error: standard input is not JSON (", result.StandardError, StringComparison.Ordinal);
        Assert.EndsWith(
            "expected a result document (benchmark_*.json) written by unpackbench-agent, or a benchmark's ConfigMaps: kubectl get cm -l unpackbench.io/benchmark=NAME -o json\n",
            result.StandardError,
            StringComparison.Ordinal);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public async Task A_survey_with_a_baseline_is_a_usage_error_and_no_page_is_written()
    {
        using var agent = new Support.AgentInvocation();
        File.WriteAllText(agent.Path("result.json"), sample.Json);

        var result = await Report(SurveyConfigMaps(), null, "report", "-", "--baseline", agent.Path("result.json"), "-o", agent.Path("report.html"));

        Assert.True(result.ExitCode == 2, result.StandardError);
        Assert.StartsWith("error: --baseline compares two result documents, but RESULT is a survey", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(agent.Path("report.html")));
    }

    [Fact]
    public async Task Config_maps_of_no_benchmark_are_refused_with_what_to_select()
    {
        var result = await Report("""{"apiVersion":"v1","kind":"List","items":[]}""", null, "report", "-", "-o", "-");

        Assert.True(result.ExitCode == 2, result.StandardError);
        Assert.Equal(
            "error: standard input holds no UnpackBench result (no ConfigMap with result.json or index.json); select one benchmark's ConfigMaps: kubectl get cm -l unpackbench.io/benchmark=NAME -o json. A survey's index is written once it has finished\n",
            result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }

    // The README's line 'kubectl get cm -l SELECTOR -o json | unpackbench-agent report ...': the selector, and the agent's arguments.
    private static (string Selector, string[] Arguments) DocumentedOneLiner()
    {
        const string kubectl = "kubectl get cm -l ";
        var line = Assert.Single(File.ReadAllLines(RepositoryFile.Path("README.md")), l => l.StartsWith(kubectl, StringComparison.Ordinal) && l.Contains(" | unpackbench-agent report ", StringComparison.Ordinal));
        var (listing, agent) = (line.Split(" | ")[0], line.Split(" | ")[1]);
        Assert.EndsWith(" -o json", listing, StringComparison.Ordinal);
        Assert.StartsWith("unpackbench-agent ", agent, StringComparison.Ordinal);
        return (listing[kubectl.Length..^" -o json".Length], agent.Split(' ')[1..]);
    }

    private static Task<BufferedCommandResult> Report(string standardInput, string? workingDirectory, params string[] arguments) =>
        Cli.Wrap(AgentPath).WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory ?? Directory.GetCurrentDirectory())
            .WithStandardInputPipe(PipeSource.FromString(standardInput))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

    // The index and two nodes' documents, as the operator writes them and kubectl prints them.
    private string SurveyConfigMaps()
    {
        var nodes = new[] { "node-1", "node-2" };
        var median = sample.Result.Summary.MedianDurationSeconds!.Value.ToString("0.000", CultureInfo.InvariantCulture);
        var index = new SurveyIndex
        {
            Benchmark = "fleet",
            Generation = 1,
            Image = sample.Result.BenchmarkConfig.TargetImage,
            Phase = BenchmarkPhase.Succeeded,
            Summary = new SurveyStatus { Nodes = 2, Succeeded = 2, Progress = "2/2" },
            Rows = [.. nodes.Select(n => new NodeBenchmarkStatus { NodeName = n, Snapshotter = "overlayfs", Phase = BenchmarkPhase.Succeeded, MedianSeconds = median, ResultConfigMap = $"fleet-result-{n}" })],
        };
        var items = new JsonArray { ConfigMap("fleet-result", ResultDataKeys.SurveyIndex, SurveyIndex.Serialize(index)) };
        foreach (var node in nodes)
        {
            var document = sample.Result with { Environment = sample.Result.Environment with { Hostname = node } };
            items.Add(ConfigMap($"fleet-result-{node}", ResultDataKeys.Document, ResultJson.Serialize(document)));
        }

        return new JsonObject { ["apiVersion"] = "v1", ["items"] = items, ["kind"] = "List", ["metadata"] = new JsonObject { ["resourceVersion"] = "" } }.ToJsonString();
    }

    private static JsonObject ConfigMap(string name, string key, string data) => new()
    {
        ["apiVersion"] = "v1",
        ["data"] = new JsonObject { [key] = data },
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = new JsonObject { [ResultConfigMapMetadata.BenchmarkLabel] = "fleet" },
            ["annotations"] = new JsonObject { [ResultConfigMapMetadata.GenerationAnnotation] = "1" },
        },
    };
}
