using CliWrap;
using CliWrap.Buffered;
using UnpackBench.Agent.Benchmark;
using UnpackBench.Agent.CommandLine;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Images.Archive;
using UnpackBench.Agent.Tests.Support;
using UnpackBench.Core.Results;
using UnpackBench.Testing;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Images;
using CorePlatform = UnpackBench.Core.Images.Platform;

namespace UnpackBench.Agent.Tests.Sampling;

/// <summary>
/// containerd measured live through the cgroup the agent gives it: real unpacks, real counters.
/// On this kind of machine that is cgroup v1; the v2 arithmetic is covered by the fixture trees.
/// </summary>
public sealed class ContainerdMetricsTests : IDisposable
{
    private static readonly string AgentDll = typeof(AgentApplication).Assembly.Location;
    private readonly TempDirectory _directory = new("metrics");
    private readonly string _archive;

    public ContainerdMetricsTests()
    {
        // Incompressible content in gzip layers: containerd (and unpigz) have real work to do.
        var layout = OciLayout.Create(_directory.Combine("layout"));
        var builder = new ImageBuilder(Platform.LinuxAmd64);
        for (var i = 0; i < 3; i++)
        {
            builder.WithLayer(new LayerBuilder().File($"l{i}/blob", FileContent.Random(12 * 1024 * 1024, seed: i)).Build(layout));
        }

        _archive = _directory.Combine("image.tar");
        OciArchive.Write(builder.Build(layout), _archive);
    }

    [Fact]
    public async Task A_real_unpack_reports_cpu_memory_pids_and_a_series_at_the_sampling_interval()
    {
        using var agent = new AgentInvocation();

        var code = await agent.RunAsync("--archive", _archive, "--runs", "2", "--sample-interval", "20");

        Assert.True(code == 0, agent.Transcript);
        var result = ResultDocument.ReadOnly(agent);
        Assert.StartsWith("cgroup-", result.BenchmarkConfig.StatsSource, StringComparison.Ordinal);
        Assert.Equal(20, result.BenchmarkConfig.SampleIntervalMs);
        foreach (var run in result.Runs)
        {
            var metrics = run.Metrics!;
            Assert.True(metrics.CpuSeconds > 0, $"run {run.RunId}: cpu {metrics.CpuSeconds}");
            Assert.True(metrics.MemoryMaxUsageMb > 0);
            Assert.Equal("window", metrics.MemoryMaxUsageKind);
            Assert.True(run.PeakMetrics.PidPeakCount >= 1);
            Assert.True(run.PeakMetrics.MemoryPeakMb > 0);
            Assert.True(run.PeakMetrics.CpuPeakPercent > 0);
            Assert.True(metrics.SampleCount >= 3, $"run {run.RunId} lasted {run.DurationSeconds} s but has {metrics.SampleCount} samples");
            AssertSampledAtTheInterval(metrics, interval: 0.020, $"run {run.RunId}");
            Assert.True(metrics.SamplerCpuSeconds < run.DurationSeconds, "the sampler cannot use more CPU than the window lasted");
        }

        Assert.Equal(result.Runs.Max(r => r.PeakMetrics.MemoryPeakMb), result.Summary.MaxMemoryPeakMb);
        Assert.Equal(result.Runs.Average(r => r.Metrics!.CpuSeconds!.Value), result.Summary.AvgCpuSeconds!.Value, 9);
    }

    // What the timestamps can show whatever else the machine runs: the k-th scheduled sample (all but
    // the last, which closes the window whenever it ends) is never taken before k intervals, so the
    // sampler never samples faster than asked; and the typical gap stays near the interval, so it
    // does sample at it — a busy machine wakes the sampler late now and then, which skips a slot.
    private static void AssertSampledAtTheInterval(RunMetrics metrics, double interval, string what)
    {
        var times = metrics.Series.Select(p => p.T).ToList();
        var series = string.Join(", ", times.Select(t => (t * 1000).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(times.Count == metrics.SampleCount, $"{what}: the series was downsampled ({times.Count} of {metrics.SampleCount} samples)");
        for (var k = 1; k < times.Count; k++)
        {
            Assert.True(times[k - 1] >= k * interval, $"{what}: sample {k} at {times[k - 1] * 1000:0.0} ms, before {k} × {interval * 1000:0} ms; samples at (ms) {series}");
        }

        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).Order().ToList();
        Assert.True(gaps[gaps.Count / 2] <= 3 * interval, $"{what}: median gap {gaps[gaps.Count / 2] * 1000:0.0} ms at a {interval * 1000:0} ms interval; samples at (ms) {series}");
    }

    [Fact]
    public async Task Containerd_runs_in_its_own_cgroup_and_the_agent_does_not()
    {
        IContainerdHost? host = null;
        (string Containerd, string Agent, string Procs)? seen = null;
        var reporter = new RecordingReporter
        {
            AfterRun = _ =>
            {
                var containerd = MemoryCgroupOf(host!.ProcessId);
                seen = (containerd, MemoryCgroupOf(Environment.ProcessId), File.ReadAllText($"/sys/fs/cgroup/memory{containerd}/cgroup.procs"));
            },
        };
        var session = new BenchmarkSession(reporter, TimeProvider.System, Environment.GetEnvironmentVariable, s => new ArchiveImageSource(s.ArchivePath!, s.Platform, _directory.CreateSubdirectory("scratch")))
        {
            OnContainerdReady = h => host = h,
        };

        await session.RunAsync(Settings("own-cgroup"), CancellationToken.None);

        Assert.NotNull(seen);
        Assert.Contains("unpackbench-containerd-", seen.Value.Containerd, StringComparison.Ordinal);
        Assert.NotEqual(seen.Value.Containerd, seen.Value.Agent);
        Assert.Contains(host!.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), seen.Value.Procs.Split('\n'));
        Assert.DoesNotContain(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), seen.Value.Procs.Split('\n'));
        Assert.False(Directory.Exists($"/sys/fs/cgroup/memory{seen.Value.Containerd}"), "the cgroup outlived containerd");
    }

    [Fact]
    public async Task The_agent_busy_looping_does_not_show_up_in_containerd_figures()
    {
        var idle = await MeanCpuAsync("idle", busy: false);
        var busy = await MeanCpuAsync("busy", busy: true);

        // A spinning agent thread burns about one core for the whole window; counted, it would add
        // roughly the run's duration to containerd's CPU seconds.
        Assert.True(
            busy.Cpu - idle.Cpu < 0.5 * busy.Duration,
            $"containerd CPU {busy.Cpu:0.000} s with the agent spinning vs {idle.Cpu:0.000} s idle, runs of {busy.Duration:0.000} s");
    }

    [Theory]
    [InlineData("read-only cgroupfs", "mount -o remount,bind,ro /sys/fs/cgroup/memory && mount -o remount,bind,ro /sys/fs/cgroup/cpuacct", "Read-only file system")]
    [InlineData("no cgroup controllers", "mount -t tmpfs none /sys/fs/cgroup", "no cgroup controllers are mounted")]
    public async Task Without_usable_cgroups_the_benchmark_runs_and_says_why_figures_are_missing(string name, string setup, string expected)
    {
        var output = _directory.CreateSubdirectory($"results-{name.Replace(' ', '-')}");
        var root = _directory.Combine($"root-{name.Replace(' ', '-')}");
        var result = await Cli.Wrap("unshare")
            .WithArguments(["--mount", "--propagation", "private", "sh", "-c", setup + " && exec \"$@\"", "sh", "dotnet", AgentDll, "run", "--archive", _archive, "--runs", "1", "--root", root, "--output", output])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        Assert.True(result.ExitCode == 0, $"{name}: exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
        var document = ResultJson.Deserialize(File.ReadAllText(Directory.GetFiles(output).Single()));
        Assert.Equal("none", document.BenchmarkConfig.StatsSource);
        Assert.Contains(document.Notes, n => n.Contains(expected, StringComparison.Ordinal));
        Assert.Null(document.Runs[0].Metrics);
        Assert.Null(document.Runs[0].PeakMetrics.CpuPeakPercent);
        Assert.Null(document.Summary.AvgCpuSeconds);
        Assert.Contains(expected, result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_controller_nulls_only_its_own_figures()
    {
        var output = _directory.CreateSubdirectory("results-no-pids");
        var result = await Cli.Wrap("unshare")
            .WithArguments(["--mount", "--propagation", "private", "sh", "-c", "mount -t tmpfs none /sys/fs/cgroup/pids && exec \"$@\"", "sh", "dotnet", AgentDll, "run", "--archive", _archive, "--runs", "1", "--root", _directory.Combine("root-no-pids"), "--output", output])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        var document = ResultJson.Deserialize(File.ReadAllText(Directory.GetFiles(output).Single()));
        var run = document.Runs.Single();
        Assert.Null(run.PeakMetrics.PidPeakCount);
        Assert.True(run.Metrics!.CpuSeconds > 0);
        Assert.True(run.PeakMetrics.MemoryPeakMb > 0);
        Assert.Contains(document.Notes, n => n.Contains("'pids'", StringComparison.Ordinal));
    }

    private async Task<(double Cpu, double Duration)> MeanCpuAsync(string name, bool busy)
    {
        using var stop = new CancellationTokenSource();
        var spinner = busy ? Task.Factory.StartNew(() => Spin(stop.Token), TaskCreationOptions.LongRunning) : Task.CompletedTask;
        try
        {
            var session = new BenchmarkSession(new RecordingReporter(), TimeProvider.System, Environment.GetEnvironmentVariable, s => new ArchiveImageSource(s.ArchivePath!, s.Platform, _directory.CreateSubdirectory($"scratch-{name}")));
            var outcome = await session.RunAsync(Settings(name) with { Runs = 3 }, CancellationToken.None);
            return (outcome.Result.Summary.AvgCpuSeconds!.Value, outcome.Result.Summary.AvgDurationSeconds!.Value);
        }
        finally
        {
            await stop.CancelAsync();
            await spinner;
        }
    }

    private static void Spin(CancellationToken token)
    {
        var x = 0UL;
        while (!token.IsCancellationRequested)
        {
            x = x * 6364136223846793005UL + 1442695040888963407UL;
        }

        GC.KeepAlive(x);
    }

    private BenchmarkSettings Settings(string name) => new()
    {
        ArchivePath = _archive,
        Runs = 1,
        WarmupRuns = 0,
        Snapshotter = "overlayfs",
        Platform = CorePlatform.Parse("linux/amd64"),
        PlatformExplicit = false,
        RootDirectory = _directory.Combine($"root-{name}"),
        OutputDirectory = _directory.Combine($"results-{name}"),
    };

    private static string MemoryCgroupOf(int pid) =>
        File.ReadAllLines($"/proc/{pid}/cgroup").Select(l => l.Split(':', 3)).First(f => f[1].Split(',').Contains("memory"))[2];

    public void Dispose() => _directory.Dispose();
}
