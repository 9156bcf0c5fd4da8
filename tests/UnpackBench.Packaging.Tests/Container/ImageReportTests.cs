using Docker.DotNet.Models;
using UnpackBench.Packaging.Tests.Container.Support;

namespace UnpackBench.Packaging.Tests.Container;

/// <summary>
/// The project's image leaves the HTML report out (the agent is published with UnpackBenchReport=false),
/// so the report renderer and its plotting libraries stay out of the operator's image, and the agent's
/// <c>report</c> says where to render a page instead.
/// </summary>
[Collection(ProjectImageCollection.Name)]
public sealed class ImageReportTests(ProjectImageHost host)
{
    private const string AgentDirectory = "/opt/unpackbench/agent";

    [Fact]
    public async Task Agent_in_the_image_carries_neither_the_report_renderer_nor_its_plotting_libraries()
    {
        using var client = host.Docker.CreateClient();

        var outcome = await ContainerRun.RunAsync(client, Container(["find", AgentDirectory, "-type", "f"]));

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        var files = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Path.GetFileName).ToList();
        Assert.Contains("unpackbench-agent.dll", files);
        Assert.Contains("UnpackBench.Analysis.dll", files);
        Assert.DoesNotContain("UnpackBench.Report.dll", files);
        Assert.DoesNotContain(files, f => f!.Contains("ScottPlot", StringComparison.OrdinalIgnoreCase)
            || f.Contains("SkiaSharp", StringComparison.OrdinalIgnoreCase)
            || f.Contains("HarfBuzzSharp", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Report_in_the_image_refuses_and_says_to_render_the_page_with_a_build_outside_the_image()
    {
        using var client = host.Docker.CreateClient();

        var outcome = await ContainerRun.RunAsync(client, Container(["unpackbench-agent", "report", "result.json", "--baseline", "old.json", "-o", "report.html"]));

        Assert.True(outcome.ExitCode == 2, outcome.Output);
        Assert.Contains("the container image leaves the report renderer out to keep plotting libraries (ScottPlot, SkiaSharp) out of the operator's image", outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/UnpackBench.Agent -c Release -- report RESULT.json -o report.html", outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains("kubectl get cm NAME-result -o jsonpath='{.data.result\\.json}' | dotnet run --project src/UnpackBench.Agent -c Release -- report - -o NAME.html", outcome.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.StandardError, StringComparison.Ordinal);
        Assert.Empty(outcome.StandardOutput);
    }

    /// <summary>A container of the project's image as its default user, with no network: neither check needs more.</summary>
    private CreateContainerParameters Container(IList<string> command) => new()
    {
        Image = host.Image,
        Entrypoint = command,
        HostConfig = new HostConfig { NetworkMode = "none" },
    };
}
