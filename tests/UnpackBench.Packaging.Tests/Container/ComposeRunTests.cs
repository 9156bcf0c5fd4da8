using System.Text.Json.Nodes;
using UnpackBench.Packaging.Tests.Container.Support;

namespace UnpackBench.Packaging.Tests.Container;

/// <summary>
/// docker-compose.yml and .env as a user runs them (Debian's docker-compose): the project's image, a
/// privileged agent with its own containerd, the result in ./results on the host.
/// </summary>
[Collection(ProjectImageCollection.Name)]
public sealed class ComposeRunTests(ProjectImageHost host)
{
    [Fact]
    public async Task Compose_run_benchmarks_a_mounted_archive_and_writes_the_result_to_results_on_the_host()
    {
        await using var project = new ComposeProject(host, "compose-archive");

        var run = await project.RunAsync(["-v", $"{host.SampleArchive}:/images/sample.tar:ro"], ["--archive", "/images/sample.tar", "--runs", "2"]);

        Assert.True(run.ExitCode == 0, run.Output);
        var result = Assert.Single(project.Results());
        Assert.Equal("archive", Text(result, "benchmark_config", "source"));
        Assert.Equal("/images/sample.tar", Text(result, "benchmark_config", "target_image"));
        Assert.Equal(2, result["summary"]!["successful_runs"]!.GetValue<int>());
        Assert.Equal("private", Text(result, "environment", "containerd_mode"));
        Assert.NotEqual("overlay", Text(result, "environment", "root_filesystem"));
    }

    [Fact]
    public async Task Compose_run_pulls_a_registry_image_with_docker_stats_and_downloads_nothing_the_second_time()
    {
        var environment = new Dictionary<string, string> { ["TARGET_IMAGE"] = host.RegistryImage, ["STATS_SOURCE"] = "docker", ["NUM_RUNS"] = "2" };
        await using var project = new ComposeProject(host, "compose-registry", environment);

        var first = await project.RunAsync([], ["--plain-http"]);
        var second = await project.RunAsync([], ["--plain-http"]);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        var results = project.Results();
        Assert.Equal(2, results.Count);
        Assert.All(results, result =>
        {
            Assert.Equal("pull", Text(result, "benchmark_config", "source"));
            Assert.Equal("docker", Text(result, "benchmark_config", "stats_source"));
            Assert.All(result["runs"]!.AsArray(), run =>
            {
                var metrics = run!["metrics"]!;
                Assert.Equal("docker", metrics["source"]!.GetValue<string>());
                Assert.True(metrics["cpu_seconds"]!.GetValue<double>() > 0);
                Assert.True(metrics["memory_max_usage_mb"]!.GetValue<double>() > 0);
                Assert.NotEmpty(metrics["series"]!.AsArray());
                Assert.True(run["peak_metrics"]!["pid_peak_count"]!.GetValue<int>() > 0);
            });
        });
        var compressed = results[0]["image"]!["total_compressed_bytes"]!.GetValue<long>();
        Assert.Equal(compressed, results[0]["image"]!["downloaded_bytes"]!.GetValue<long>());
        Assert.Equal(0, results[1]["image"]!["downloaded_bytes"]!.GetValue<long>());
    }

    private static string Text(JsonObject document, string section, string key) => document[section]![key]!.GetValue<string>();
}
