using UnpackBench.Agent.Tests.Support;
using UnpackBench.Core.Results;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.CommandLine;

/// <summary>The options of variants, copies, cache modes, durable runs and floors on the real command line.</summary>
public sealed class VariantOptionTests
{
    public static TheoryData<string, string[], string> BadValues => new()
    {
        { "unknown what-if", ["--what-if", "zstd,lz4"], "unknown what-if encoding 'lz4'" },
        { "zstd level too high", ["--what-if", "zstd-23"], "'zstd-23' has no valid zstd level: write zstd-N with N from 1 to 22" },
        { "zstd level zero", ["--what-if", "zstd-0"], "no valid zstd level" },
        { "gzip level too high", ["--what-if", "gzip-10"], "no valid gzip level" },
        { "no copies", ["--concurrency", "0"], "--concurrency 0 is too small" },
        { "too many copies", ["--concurrency", "17"], "--concurrency 17 is too large" },
        { "unknown cache mode", ["--cache", "hot"], "--cache 'hot' is not a cache mode: use warm, cold, drop" },
        { "no link", ["--what-if", "zstd", "--link-mbps", "0"], "--link-mbps 0 is too small" },
        { "snapshotter twice", ["--snapshotter", "native", "--snapshotter", "native"], "names a snapshotter twice" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task Bad_values_exit_2_with_a_message_and_start_nothing(string name, string[] arguments, string expected)
    {
        using var agent = new AgentInvocation();

        var code = await agent.RunAsync(["--image", "busybox", .. arguments]);

        Assert.True(code == 2, $"{name}: exit {code}\n{agent.Transcript}");
        Assert.Contains(expected, agent.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", agent.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(agent.Root), "the containerd root was created for a usage error");
        Assert.Empty(agent.ResultFiles());
    }

    [Fact]
    public async Task What_if_on_an_image_with_a_non_distributable_layer_exits_2_before_any_run()
    {
        using var agent = new AgentInvocation();
        var archive = RestrictedArchive.Write(agent.Path("restricted"));

        var code = await agent.RunAsync("--archive", archive, "--what-if", "zstd");

        Assert.True(code == 2, agent.Transcript);
        Assert.Contains("non-distributable", agent.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("run 1/", agent.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(agent.ResultFiles());
        ContainerdProcesses.AssertNoneUnder(agent.Root);
    }

    [Fact]
    public async Task Several_snapshotters_with_copies_print_a_comparison_and_write_one_document()
    {
        using var agent = new AgentInvocation();
        var archive = SampleImage.WriteArchive(agent.Path("."));

        var code = await agent.RunAsync("--archive", archive, "--runs", "2", "--snapshotter", "overlayfs", "--snapshotter", "native", "--concurrency", "2");

        Assert.True(code == 0, agent.Transcript);
        Assert.Contains("Variants", agent.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Copies", agent.StandardOutput, StringComparison.Ordinal);
        var result = ResultDocument.ReadOnly(agent);
        Assert.Equal(["overlayfs", "native"], result.Variants!.Select(v => v.Snapshotter));
        Assert.All(result.Variants!, v => Assert.All(v.Runs, r => Assert.Equal(2, r.Copies!.Count)));
        Assert.Equal(RunResult.Success, result.Runs[0].Status);
    }
}
