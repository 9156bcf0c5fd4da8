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
        using var secondRunStarted = new SemaphoreSlim(0);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var transcript = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var command = Cli.Wrap("dotnet")
            .WithArguments([AgentDll, "run", "--archive", _archive, "--runs", "100", "--root", root, "--output", output])
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line =>
            {
                transcript.Enqueue(line);
                if (line.Contains("run 2/100", StringComparison.Ordinal))
                {
                    secondRunStarted.Release();
                }
            }))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(transcript.Enqueue))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(cancel.Token);

        Assert.True(await secondRunStarted.WaitAsync(TimeSpan.FromMinutes(1)), "the agent never finished a run");
        // A terminal's Ctrl+C signals the whole process group: the agent and its containerd.
        foreach (var pid in ContainerdProcesses.Under(root).Append(command.ProcessId))
        {
            UnixProcesses.Signal(pid, 2);
        }

        var result = await command;

        Assert.True(result.ExitCode == ExitCodes.Interrupted, $"exit {result.ExitCode}:\n{string.Join('\n', transcript)}");
        ContainerdProcesses.AssertNoneUnder(root);
        var document = ResultJson.Deserialize(File.ReadAllText(Directory.GetFiles(output).Single()));
        Assert.InRange(document.Runs.Count, 2, 99);
        Assert.Contains(document.Notes, n => n.StartsWith("interrupted after", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(output, "*.tmp"));
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
