using UnpackBench.Agent.Benchmark;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Images.Archive;
using UnpackBench.Agent.Tests.Support;
using UnpackBench.Agent.Unpack;
using UnpackBench.Core.Results;
using UnpackBench.Testing;
using UnpackBench.Testing.Images;
using CorePlatform = UnpackBench.Core.Images.Platform;

namespace UnpackBench.Agent.Tests.Benchmark;

/// <summary>Faults injected at known points of a real benchmark: the checks must catch them and the result must keep what completed.</summary>
public sealed class BenchmarkSessionFaultTests : IDisposable
{
    private readonly TempDirectory _directory = new("faults");
    private readonly string _archive;

    public BenchmarkSessionFaultTests()
    {
        _archive = SampleImage.WriteArchive(_directory.Path);
    }

    [Fact]
    public async Task Run_fails_when_a_snapshot_survives_clearing()
    {
        var cleaning = new StopsClearing();
        var reporter = new RecordingReporter { AfterRun = _ => cleaning.Stopped = true };
        var session = Session(reporter, cleaning);

        var outcome = await session.RunAsync(Settings(runs: 3), CancellationToken.None);

        Assert.Equal(RunResult.Success, outcome.Result.Runs[0].Status);
        Assert.All(outcome.Result.Runs.Skip(1), run =>
        {
            Assert.Equal(RunResult.Failed, run.Status);
            Assert.Contains("not a clean start", run.Error, StringComparison.Ordinal);
            Assert.Contains("absurdly fast", run.Error, StringComparison.Ordinal);
            Assert.Null(run.DurationSeconds);
        });
        Assert.Equal(1, outcome.Result.Summary.SuccessfulRuns);
        Assert.Equal(2, outcome.Result.Summary.FailedRuns);
    }

    [Fact]
    public async Task When_containerd_dies_the_completed_runs_are_kept_and_the_reason_is_noted()
    {
        IContainerdHost? containerd = null;
        var reporter = new RecordingReporter
        {
            AfterRun = run =>
            {
                if (run.RunId == 2)
                {
                    UnixProcesses.Signal(containerd!.ProcessId, UnixProcesses.SigKill);
                    containerd.Exited.Wait(TimeSpan.FromSeconds(10));
                }
            },
        };
        var session = Session(reporter, onReady: host => containerd = host);

        var outcome = await session.RunAsync(Settings(runs: 5), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal([1, 2], outcome.Result.Runs.Select(r => r.RunId));
        Assert.All(outcome.Result.Runs, r => Assert.Equal(RunResult.Success, r.Status));
        Assert.Equal(2, outcome.Result.Summary.SuccessfulRuns);
        Assert.Contains(outcome.Result.Notes, n => n.Contains("containerd exited", StringComparison.Ordinal));
        Assert.Equal(outcome.Result, ResultJson.Deserialize(File.ReadAllText(outcome.ResultPath)), new ResultEquality());
        ContainerdProcesses.AssertNoneUnder(_directory.Combine("root"));
    }

    private BenchmarkSession Session(RecordingReporter reporter, StopsClearing? cleaning = null, Action<IContainerdHost>? onReady = null) =>
        new(reporter, TimeProvider.System, Environment.GetEnvironmentVariable, s => new ArchiveImageSource(s.ArchivePath!, s.Platform, _directory.CreateSubdirectory("scratch")))
        {
            CleanerFactory = cleaning is null ? null : (connection, snapshotter, owned) => cleaning.Wrap(new SnapshotCleaner(connection, snapshotter, owned)),
            OnContainerdReady = onReady,
        };

    // Records hold lists, which compare by reference; the serialised form is what must match.
    private sealed class ResultEquality : IEqualityComparer<BenchmarkResult>
    {
        public bool Equals(BenchmarkResult? x, BenchmarkResult? y) => ResultJson.Serialize(x!) == ResultJson.Serialize(y!);

        public int GetHashCode(BenchmarkResult obj) => 0;
    }

    private BenchmarkSettings Settings(int runs) => new()
    {
        ArchivePath = _archive,
        Runs = runs,
        WarmupRuns = 0,
        Snapshotter = "overlayfs",
        Platform = CorePlatform.Parse("linux/amd64"),
        PlatformExplicit = false,
        RootDirectory = _directory.Combine("root"),
        OutputDirectory = _directory.Combine("results"),
    };

    // Clears normally until told to stop (after run 1): run 2 then finds run 1's snapshots.
    private sealed class StopsClearing
    {
        public bool Stopped { get; set; }

        public ISnapshotCleaner Wrap(ISnapshotCleaner inner) => new Cleaner(this, inner);

        private sealed class Cleaner(StopsClearing owner, ISnapshotCleaner inner) : ISnapshotCleaner
        {
            public Task ClearAsync(IReadOnlyCollection<string> directories, CancellationToken cancellationToken) =>
                owner.Stopped ? Task.CompletedTask : inner.ClearAsync(directories, cancellationToken);
        }
    }

    public void Dispose() => _directory.Dispose();
}
