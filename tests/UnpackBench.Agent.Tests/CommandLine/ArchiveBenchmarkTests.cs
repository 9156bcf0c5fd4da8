using System.Text.Json;
using UnpackBench.Agent.Tests.Support;
using UnpackBench.Core.Results;
using UnpackBench.Testing;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.CommandLine;

/// <summary>End to end from an archive file: the air-gapped path, on the private containerd.</summary>
public sealed class ArchiveBenchmarkTests : IDisposable
{
    private readonly TempDirectory _images = new("archives");
    private readonly BuiltImage _sample;

    public ArchiveBenchmarkTests()
    {
        _sample = SampleImage.Build(OciLayout.Create(_images.Combine("layout")), ImageFormat.Oci, "docker.io/unpackbench/sample:1");
    }

    [Fact]
    public async Task OCI_archive_is_benchmarked_and_the_result_describes_runs_image_and_machine()
    {
        using var agent = new AgentInvocation();
        var archive = _images.Combine("sample.tar");
        OciArchive.Write(_sample, archive);

        var code = await agent.RunAsync("--archive", archive, "--runs", "3", "--warmup", "1");

        Assert.True(code == 0, agent.Transcript);
        var result = ResultDocument.ReadOnly(agent);
        Assert.Equal("archive", result.BenchmarkConfig.Source);
        Assert.Equal(3, result.BenchmarkConfig.NumRuns);
        Assert.Equal(1, result.BenchmarkConfig.WarmupRuns);
        Assert.Equal(3, result.Summary.SuccessfulRuns);
        Assert.Equal(0, result.Summary.FailedRuns);
        Assert.Equal([1, 2, 3], result.Runs.Select(r => r.RunId));
        Assert.All(result.Runs, run =>
        {
            Assert.Equal(RunResult.Success, run.Status);
            Assert.Equal(_sample.Layers.Select(l => l.Digest), run.Layers.Select(l => l.Digest));
            Assert.True(run.DurationSeconds > 0);
            Assert.Equal(run.DurationSeconds!.Value, run.Layers.Sum(l => l.DurationSeconds), 6);
        });
        Assert.Equal(_sample.ManifestDigest, result.Image.ManifestDigest);
        Assert.Equal(_sample.ConfigDigest, result.Image.ConfigDigest);
        Assert.Equal(_sample.Layers.Select(l => (long?)l.UncompressedSize), result.Image.Layers.Select(l => l.UncompressedBytes));
        Assert.Equal(_sample.Layers.Sum(l => l.UncompressedSize), result.Image.TotalUncompressedBytes);
        Assert.Equal(_sample.ChainIds, result.Image.Layers.Select(l => l.ChainId));
        Assert.Equal("private", result.Environment.ContainerdMode);
        Assert.Equal("overlayfs", result.Environment.Snapshotter);
        Assert.StartsWith("1.", result.Environment.ContainerdVersion, StringComparison.Ordinal);
        Assert.NotEqual("overlay", result.Environment.RootFilesystem);
        Assert.Equal(Prerequisites.FindOnPath("unpigz") is null ? "builtin" : "unpigz", result.Environment.Decompressor);
        ContainerdProcesses.AssertNoneUnder(agent.Root);
    }

    [Fact]
    public async Task Json_flag_prints_the_same_document_on_stdout_and_progress_on_stderr()
    {
        using var agent = new AgentInvocation();
        var archive = _images.Combine("json.tar");
        OciArchive.Write(_sample, archive);

        var code = await agent.RunAsync("--archive", archive, "--runs", "1", "--json");

        Assert.True(code == 0, agent.Transcript);
        using var printed = JsonDocument.Parse(agent.StandardOutput);
        Assert.Equal(File.ReadAllText(agent.ResultFiles()[0]).Trim(), agent.StandardOutput.Trim());
        Assert.Contains("run 1/1", agent.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docker-save")]
    [InlineData("gzip-oci")]
    public async Task Other_archive_kinds_unpack_the_same_layers(string kind)
    {
        using var agent = new AgentInvocation();
        var archive = _images.Combine($"{kind}.tar");
        if (kind == "docker-save")
        {
            DockerArchive.Write(_sample, archive, "unpackbench/sample:1");
        }
        else
        {
            OciArchive.Write(_sample, archive, gzip: true);
        }

        var code = await agent.RunAsync("--archive", archive, "--runs", "1");

        Assert.True(code == 0, agent.Transcript);
        var result = ResultDocument.ReadOnly(agent);
        Assert.Equal(_sample.DiffIds, result.Image.Layers.Select(l => l.DiffId));
        Assert.Equal(_sample.ChainIds, result.Image.Layers.Select(l => l.ChainId));
    }

    [Fact]
    public async Task A_second_benchmark_on_the_same_root_reuses_the_content_cache()
    {
        using var agent = new AgentInvocation();
        var archive = _images.Combine("cache.tar");
        OciArchive.Write(_sample, archive);
        Assert.Equal(0, await agent.RunAsync("--archive", archive, "--runs", "1"));

        var code = await agent.RunAsync("--archive", archive, "--runs", "1");

        Assert.True(code == 0, agent.Transcript);
        Assert.Contains("already in the content store", agent.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(2, agent.ResultFiles().Length);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("not an image")]
    [InlineData("empty")]
    [InlineData("not a tar")]
    public async Task A_broken_archive_fails_with_a_message_and_leaves_nothing_running(string kind)
    {
        using var agent = new AgentInvocation();
        var good = _images.Combine($"good-{kind}.tar");
        OciArchive.Write(_sample, good);
        var archive = _images.Combine($"broken-{kind}.tar");
        switch (kind)
        {
            case "truncated": BrokenArchives.Truncated(good, new FileInfo(good).Length / 2, archive); break;
            case "not an image": BrokenArchives.NotAnImage(archive); break;
            case "empty": BrokenArchives.Empty(archive); break;
            default: BrokenArchives.NotATar(archive); break;
        }

        var code = await agent.RunAsync("--archive", archive);

        Assert.True(code == 1, $"exit {code}\n{agent.Transcript}");
        Assert.Contains(Path.GetFileName(archive), agent.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", agent.StandardError, StringComparison.Ordinal);
        Assert.Empty(agent.ResultFiles());
        ContainerdProcesses.AssertNoneUnder(agent.Root);
    }

    public void Dispose() => _images.Dispose();
}
