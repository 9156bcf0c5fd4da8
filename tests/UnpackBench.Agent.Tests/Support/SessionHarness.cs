using UnpackBench.Agent.Benchmark;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Images.Archive;
using UnpackBench.Core.Results;
using UnpackBench.Testing;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Images;
using CorePlatform = UnpackBench.Core.Images.Platform;

namespace UnpackBench.Agent.Tests.Support;

/// <summary>
/// Runs whole benchmarks (the product's <see cref="BenchmarkSession"/>) on a private containerd in a temp
/// directory, and reopens that containerd afterwards so a test can look at what the benchmark left.
/// </summary>
internal sealed class SessionHarness : IDisposable
{
    private readonly TempDirectory _directory = new("session");

    public SessionHarness()
    {
        Prerequisites.RequireRoot("containerd mounts snapshots");
        Prerequisites.RequireExecutable("containerd", "apt-get install -y containerd runc pigz");
    }

    public string Root => _directory.Combine("root");

    public RecordingReporter Reporter { get; } = new();

    /// <summary>Builds an image into a fresh layout, writes it as an OCI archive and returns its path.</summary>
    public string Archive(Func<OciLayout, IBuiltImage> build, string name = "image")
    {
        var path = _directory.Combine($"{name}.tar");
        OciArchive.Write(build(OciLayout.Create(_directory.Combine($"layout-{name}"))), path);
        return path;
    }

    /// <summary>A scratch path in the harness's directory.</summary>
    public string Path(string relative) => _directory.Combine(relative);

    /// <summary>Settings for <paramref name="archive"/> with 2 runs into overlayfs; the test changes what it needs.</summary>
    public BenchmarkSettings Settings(string archive, int runs = 2) => new()
    {
        ArchivePath = archive,
        Runs = runs,
        WarmupRuns = 0,
        Snapshotter = "overlayfs",
        Platform = CorePlatform.Parse("linux/amd64"),
        PlatformExplicit = false,
        RootDirectory = Root,
        OutputDirectory = _directory.Combine("results"),
    };

    public Task<SessionOutcome> RunAsync(BenchmarkSettings settings) =>
        new BenchmarkSession(Reporter, TimeProvider.System, Environment.GetEnvironmentVariable, s => new ArchiveImageSource(s.ArchivePath!, s.Platform, _directory.CreateSubdirectory("scratch")))
            .RunAsync(settings, CancellationToken.None);

    /// <summary>Starts the benchmark's containerd again on its root, to inspect what the benchmark left.</summary>
    public async Task<PrivateContainerd> ReopenAsync() =>
        await PrivateContainerd.StartAsync(
            ContainerdBinaries.Require(),
            new PrivateContainerdLayout(Root), new Dictionary<string, string?>(), null, CancellationToken.None);

    /// <summary>The successful runs of a document, failing with every error when one is missing.</summary>
    public static IReadOnlyList<RunResult> Successful(IReadOnlyList<RunResult> runs, int expected)
    {
        Assert.True(runs.Count(r => r.Status == RunResult.Success) == expected, string.Join("\n", runs.Select(r => $"run {r.RunId}: {r.Status} {r.Error}")));
        return runs;
    }

    public void Dispose() => _directory.Dispose();
}
