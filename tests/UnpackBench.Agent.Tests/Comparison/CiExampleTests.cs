using CliWrap;
using CliWrap.Buffered;
using UnpackBench.Testing;
using UnpackBench.Testing.Registry;
using Xunit.Abstractions;

namespace UnpackBench.Agent.Tests.Comparison;

/// <summary>The README's CI example, run exactly as documented against a real registry and containerd.</summary>
public sealed class CiExampleTests(ComparisonImages images, ITestOutputHelper output) : IClassFixture<ComparisonImages>
{
    private const string Script = "examples/ci/unpack-regression.sh";

    [Fact]
    public void The_README_shows_the_script_as_it_is()
    {
        var readme = File.ReadAllLines(RepositoryFile.Path("README.md"));
        var mention = Array.FindIndex(readme, l => l.Contains($"`{Script}`", StringComparison.Ordinal));
        Assert.True(mention >= 0, $"README.md does not mention `{Script}`");
        var start = Array.FindIndex(readme, mention, l => l == "```sh") + 1;
        var end = Array.FindIndex(readme, start, l => l == "```");

        Assert.Equal(File.ReadAllText(RepositoryFile.Path(Script)), string.Join('\n', readme[start..end]) + "\n");
    }

    [Fact]
    public async Task The_CI_example_fails_the_job_when_the_new_image_unpacks_slower()
    {
        Prerequisites.RequireRoot("the example benchmarks on a private containerd");
        await using var registry = await RegistryFixture.StartAsync();
        using (var http = new HttpClient { BaseAddress = registry.BaseAddress })
        {
            await new RegistryPusher(http).PushAsync(images.SmallImage, "app", "1");
            await new RegistryPusher(http).PushAsync(images.LargeImage, "app", "2");
        }

        using var job = new TempDirectory("ci-job");
        var result = await Cli.Wrap("bash").WithArguments([RepositoryFile.Path(Script)])
            .WithWorkingDirectory(job.Path)
            .WithEnvironmentVariables(e => e
                .Set("PATH", $"{AppContext.BaseDirectory}:{Environment.GetEnvironmentVariable("PATH")}")
                .Set("OLD_IMAGE", $"{registry.Host}/app:1")
                .Set("NEW_IMAGE", $"{registry.Host}/app:2")
                .Set("RUNS", "5")
                .Set("RUN_OPTIONS", "--plain-http")
                .Set("GITHUB_STEP_SUMMARY", job.Combine("summary.md")))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        output.WriteLine(result.StandardOutput + result.StandardError);
        Assert.True(result.ExitCode == 3, result.StandardError);
        var summary = File.ReadAllText(job.Combine("summary.md"));
        Assert.StartsWith("### Unpack time: **slower**", summary, StringComparison.Ordinal);
        Assert.Contains("| added |", summary, StringComparison.Ordinal);
        Assert.Contains("id=\"comparison\"", File.ReadAllText(job.Combine("unpack-report.html")), StringComparison.Ordinal);
    }
}
