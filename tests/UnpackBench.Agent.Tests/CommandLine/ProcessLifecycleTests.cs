using CliWrap;
using UnpackBench.Agent.CommandLine;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Tests.Support;
using UnpackBench.Core.Results;
using UnpackBench.Testing;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Containerd;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.CommandLine;

/// <summary>
/// The agent as a real process: interrupted, killed, or sharing a containerd with others. containerd
/// must never outlive it unnoticed and nothing outside the agent's namespace may change.
/// </summary>
public sealed class ProcessLifecycleTests : IDisposable
{
    private static readonly string AgentDll = typeof(AgentApplication).Assembly.Location;
    private readonly TempDirectory _directory = new("lifecycle");
    private readonly string _archive;

    public ProcessLifecycleTests()
    {
        // Big enough that a run takes a noticeable time, small enough for a test.
        var layout = OciLayout.Create(_directory.Combine("layout"));
        var builder = new ImageBuilder(Platform.LinuxAmd64);
        for (var i = 0; i < 4; i++)
        {
            builder.WithLayer(new LayerBuilder().File($"layer{i}/data", FileContent.Random(4 * 1024 * 1024, seed: i)).Build(layout));
        }

        _archive = _directory.Combine("image.tar");
        OciArchive.Write(builder.Build(layout), _archive);
    }

    [Fact]
    public async Task Ctrl_c_stops_containerd_writes_the_completed_runs_and_exits_130()
    {
        var root = _directory.Combine("sigint-root");
        var output = _directory.Combine("sigint-results");
        await using var agent = TerminalJob.Start([AgentDll, "run", "--archive", _archive, "--runs", "100", "--root", root, "--output", output]);

        Assert.True(await agent.WaitForLineAsync("run 2/100", TimeSpan.FromMinutes(1)), $"the agent never finished a run:\n{agent.Transcript}");
        // Ctrl+C must reach the agent alone: a containerd shutting down on it would race the agent's own handling.
        Assert.DoesNotContain(ContainerdProcesses.Under(root), pid => agent.HasInItsGroup(pid));
        agent.PressCtrlC();
        var exitCode = await agent.ExitCodeAsync();

        Assert.True(exitCode == ExitCodes.Interrupted, $"exit {exitCode}:\n{agent.Transcript}");
        ContainerdProcesses.AssertNoneUnder(root);
        var document = ResultJson.Deserialize(File.ReadAllText(Directory.GetFiles(output).Single()));
        Assert.InRange(document.Runs.Count, 2, 99);
        Assert.Contains(document.Notes, n => n.StartsWith("interrupted after", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(output, "*.tmp"));
    }

    [Fact]
    public async Task Ctrl_c_while_containerd_starts_stops_it_and_exits_130()
    {
        // A containerd that never finishes starting holds the agent in start-up for as long as the test needs.
        var bin = _directory.CreateSubdirectory("slow-containerd-bin");
        var launched = _directory.Combine("containerd-launched.pid");
        var standIn = Path.Combine(bin, "containerd");
        await File.WriteAllTextAsync(standIn, $"#!/bin/sh\necho $$ > '{launched}.tmp' && mv '{launched}.tmp' '{launched}'\nexec sleep infinity\n");
        File.SetUnixFileMode(standIn, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var output = _directory.Combine("startup-results");
        var path = new Dictionary<string, string?> { ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}" };
        await using var agent = TerminalJob.Start([AgentDll, "run", "--archive", _archive, "--root", _directory.Combine("startup-root"), "--output", output], path);

        await Eventually.TrueAsync(_ => Task.FromResult(File.Exists(launched)), TimeSpan.FromMinutes(1), $"the agent to launch containerd:\n{agent.Transcript}");
        var containerdPid = int.Parse(await File.ReadAllTextAsync(launched), System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            agent.PressCtrlC();
            var exitCode = await agent.ExitCodeAsync();

            Assert.True(exitCode == ExitCodes.Interrupted, $"exit {exitCode}:\n{agent.Transcript}");
            Assert.Contains("interrupted before any run completed", agent.Transcript, StringComparison.Ordinal);
            Assert.False(UnixProcesses.IsAlive(containerdPid), "the containerd that was starting outlived the agent");
            Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), "an interrupted start-up wrote a result");
        }
        finally
        {
            UnixProcesses.Signal(containerdPid, UnixProcesses.SigKill);
        }
    }

    [Fact]
    public async Task A_containerd_orphaned_by_a_killed_agent_is_stopped_by_the_next_agent()
    {
        var root = _directory.Combine("orphan-root");
        using var running = new SemaphoreSlim(0);
        var command = Cli.Wrap("dotnet")
            .WithArguments([AgentDll, "run", "--archive", _archive, "--runs", "100", "--root", root, "--output", _directory.Combine("orphan-results")])
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line =>
            {
                if (line.Contains("run 1/100", StringComparison.Ordinal))
                {
                    running.Release();
                }
            }))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync();
        Assert.True(await running.WaitAsync(TimeSpan.FromMinutes(1)), "the agent never started a run");
        UnixProcesses.Signal(command.ProcessId, UnixProcesses.SigKill);
        await command;
        var orphans = ContainerdProcesses.Under(root);
        Assert.Single(orphans);

        using var agent = new AgentInvocation();
        var code = await agent.RawAsync(["run", "--archive", _archive, "--runs", "1", "--root", root, "--output", agent.Output]);

        Assert.True(code == 0, agent.Transcript);
        Assert.Contains("left behind", agent.Transcript, StringComparison.Ordinal);
        Assert.False(UnixProcesses.IsAlive(orphans[0]));
        ContainerdProcesses.AssertNoneUnder(root);
    }

    [Fact]
    public async Task On_a_shared_containerd_only_the_agent_namespace_is_touched()
    {
        await using var node = await ContainerdFixture.StartAsync();
        await node.CtrAsync(["-n", "k8s.io", "snapshots", "--snapshotter", "overlayfs", "prepare", "workload-rootfs"]);
        using var agent = new AgentInvocation();

        var code = await agent.RawAsync(["run", "--archive", _archive, "--runs", "2", "--containerd-address", node.Address, "--output", agent.Output]);

        Assert.True(code == 0, agent.Transcript);
        var result = ResultDocument.ReadOnly(agent);
        Assert.Equal("external", result.Environment.ContainerdMode);
        Assert.Equal(2, result.Summary.SuccessfulRuns);
        Assert.StartsWith("cgroup-", result.BenchmarkConfig.StatsSource, StringComparison.Ordinal);
        Assert.Contains(result.Notes, n => n.Contains("other work in that cgroup counts too", StringComparison.Ordinal));
        Assert.All(result.Runs, r => Assert.Equal("high_water_mark", r.Metrics!.MemoryMaxUsageKind));
        Assert.True(result.Runs.All(r => r.Metrics!.CpuSeconds > 0));
        Assert.NotEqual("unknown", result.Environment.Decompressor);
        Assert.NotEqual("unknown", result.Environment.RootFilesystem);
        var workload = await node.CtrAsync(["-n", "k8s.io", "snapshots", "--snapshotter", "overlayfs", "ls"]);
        Assert.Contains("workload-rootfs", workload, StringComparison.Ordinal);
        var ours = await node.CtrAsync(["-n", "unpackbench", "snapshots", "--snapshotter", "overlayfs", "ls"]);
        Assert.DoesNotContain("sha256:", ours, StringComparison.Ordinal);
        Assert.True(UnixProcesses.IsAlive(ContainerdProcesses.Under(node.TempPath).Single()), "the agent stopped a containerd it does not own");
    }

    public void Dispose() => _directory.Dispose();
}
