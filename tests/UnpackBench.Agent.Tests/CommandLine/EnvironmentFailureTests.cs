using CliWrap;
using CliWrap.Buffered;
using UnpackBench.Agent.Tests.Support;
using UnpackBench.Testing;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.CommandLine;

/// <summary>The machine is not fit for a benchmark: each case ends with a message that says what to do, and nothing left behind.</summary>
public sealed class EnvironmentFailureTests : IDisposable
{
    private readonly TempDirectory _directory = new("environment");
    private readonly string _archive;

    public EnvironmentFailureTests()
    {
        _archive = SampleImage.WriteArchive(_directory.Path);
    }

    [Fact]
    public async Task Without_containerd_on_PATH_the_agent_says_how_to_install_it()
    {
        using var agent = new AgentInvocation();
        agent.Environment["PATH"] = _directory.CreateSubdirectory("empty-bin");

        var code = await agent.RunAsync("--archive", _archive);

        Assert.Equal(1, code);
        Assert.Contains("containerd is not installed", agent.StandardError, StringComparison.Ordinal);
        Assert.Contains("apt-get install", agent.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("btrfs", "not available")]
    [InlineData("devmapper", "not available")]
    [InlineData("nosuchsnapshotter", "unknown snapshotter")]
    public async Task An_unusable_snapshotter_exits_2_listing_the_ones_containerd_offers(string snapshotter, string expected)
    {
        using var agent = new AgentInvocation();

        var code = await agent.RunAsync("--archive", _archive, "--snapshotter", snapshotter);

        Assert.True(code == 2, agent.Transcript);
        Assert.Contains(expected, agent.StandardError, StringComparison.Ordinal);
        Assert.Contains("overlayfs", agent.StandardError, StringComparison.Ordinal);
        Assert.Contains("native", agent.StandardError, StringComparison.Ordinal);
        ContainerdProcesses.AssertNoneUnder(agent.Root);
    }

    [Fact]
    public async Task Docker_stats_outside_a_docker_container_is_refused_with_the_reason()
    {
        using var agent = new AgentInvocation();

        var code = await agent.RunAsync("--archive", _archive, "--stats-source", "docker");

        Assert.True(code == 2, agent.Transcript);
        Assert.Contains("--stats-source docker cannot be used", agent.StandardError, StringComparison.Ordinal);
        ContainerdProcesses.AssertNoneUnder(agent.Root);
    }

    [Fact]
    public async Task A_root_on_overlayfs_is_refused_with_the_reason()
    {
        using var agent = new AgentInvocation();
        var merged = _directory.CreateSubdirectory("overlay/merged");
        var options = $"lowerdir={_directory.CreateSubdirectory("overlay/lower")},upperdir={_directory.CreateSubdirectory("overlay/upper")},workdir={_directory.CreateSubdirectory("overlay/work")}";
        await Cli.Wrap("mount").WithArguments(["-t", "overlay", "overlay", "-o", options, merged]).ExecuteBufferedAsync();
        try
        {
            var code = await agent.RawAsync(["run", "--archive", _archive, "--root", Path.Combine(merged, "containerd"), "--output", agent.Output]);

            Assert.Equal(1, code);
            Assert.Contains("overlay cannot stack on overlay", agent.StandardError, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(merged, "containerd")));
        }
        finally
        {
            await Cli.Wrap("umount").WithArguments([merged]).ExecuteBufferedAsync();
        }
    }

    [Fact]
    public async Task A_full_disk_fails_the_runs_and_the_result_says_so()
    {
        // 16 MiB of zeros compress to a few KiB: the content fits in a 6 MiB filesystem, the unpacked layer does not.
        var layout = OciLayout.Create(_directory.Combine("big-layout"));
        var big = new ImageBuilder(Platform.LinuxAmd64)
            .WithLayer(new LayerBuilder().File("small", "fits\n").Build(layout))
            .WithLayer(new LayerBuilder().File("zeros", FileContent.Zeros(16 * 1024 * 1024)).Build(layout))
            .Build(layout);
        var archive = _directory.Combine("big.tar");
        OciArchive.Write(big, archive);
        using var agent = new AgentInvocation();
        var root = _directory.CreateSubdirectory("tiny-fs");
        await Cli.Wrap("mount").WithArguments(["-t", "tmpfs", "-o", "size=6m", "tmpfs", root]).ExecuteBufferedAsync();
        try
        {
            var code = await agent.RawAsync(["run", "--archive", archive, "--runs", "2", "--root", Path.Combine(root, "containerd"), "--output", agent.Output]);

            Assert.True(code == 1, agent.Transcript);
            var result = ResultDocument.ReadOnly(agent);
            Assert.Equal(2, result.Summary.FailedRuns);
            Assert.Null(result.Summary.MedianDurationSeconds);
            Assert.All(result.Runs, run =>
            {
                Assert.Contains("no space left on device", run.Error, StringComparison.Ordinal);
                Assert.Contains("layer 2/2", run.Error, StringComparison.Ordinal);
                Assert.Single(run.Layers);
            });
            ContainerdProcesses.AssertNoneUnder(root);
        }
        finally
        {
            await Cli.Wrap("umount").WithArguments([root]).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        }
    }

    [Fact]
    public async Task A_user_who_is_not_root_is_told_to_run_as_root()
    {
        var agentDll = typeof(UnpackBench.Agent.CommandLine.AgentApplication).Assembly.Location;
        var home = _directory.CreateSubdirectory("nobody-home");
        File.SetUnixFileMode(_directory.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute | UnixFileMode.OtherWrite);
        File.SetUnixFileMode(home, (UnixFileMode)0x1FF);
        var result = await Cli.Wrap("setpriv")
            .WithArguments(["--reuid=65534", "--regid=65534", "--clear-groups", "--", "dotnet", agentDll, "run", "--archive", _archive, "--root", Path.Combine(home, "root"), "--output", Path.Combine(home, "results")])
            .WithEnvironmentVariables(e => e.Set("HOME", home).Set("DOTNET_CLI_HOME", home))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.StandardOutput}{result.StandardError}");
        Assert.Contains("must run as root", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
