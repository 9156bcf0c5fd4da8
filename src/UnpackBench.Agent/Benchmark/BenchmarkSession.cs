using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Floors;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Machine;
using UnpackBench.Agent.Reporting;
using UnpackBench.Agent.Sampling;
using UnpackBench.Agent.Sampling.Docker;
using UnpackBench.Agent.Unpack;
using UnpackBench.Core.AgentProtocol;

namespace UnpackBench.Agent.Benchmark;

/// <summary>
/// One benchmark from start to finish: preflight, containerd up, snapshotter check, acquire the
/// image once, run, describe the environment, write the result. containerd is stopped however
/// this ends; an interrupted benchmark still writes the runs it completed.
/// </summary>
/// <param name="reporter">Where progress goes.</param>
/// <param name="time">The clock for timestamps and lease expiry.</param>
/// <param name="environment">Environment variables (PATH decides which containerd runs).</param>
/// <param name="openSource">Opens the registry or archive the settings name.</param>
internal sealed class BenchmarkSession(
    IBenchmarkReporter reporter, TimeProvider time, Func<string, string?> environment, Func<BenchmarkSettings, IImageSource> openSource)
{
    /// <summary>Replaces the cleaner the runner uses; only tests that prove the verifier catches a failed clear set it.</summary>
    internal Func<ContainerdConnection, string, string?, ISnapshotCleaner>? CleanerFactory { get; init; }

    /// <summary>Called with containerd once it answers; tests use it to inject faults.</summary>
    internal Action<IContainerdHost>? OnContainerdReady { get; init; }

    /// <summary>Runs the benchmark described by <paramref name="settings"/>.</summary>
    public async Task<SessionOutcome> RunAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var searchPath = environment("PATH");
        Preflight.Check(settings, MountPrivileges.ReadCurrent(), MountTable.ReadCurrent(), searchPath);
        ConditionChecks.BeforeStart(settings, searchPath);
        if (settings.ContainerdAddress is null && ContainerdBinary.Find(AgentPrerequisites.Unpigz.Executable, searchPath) is null)
        {
            reporter.Warning($"unpigz is not on PATH, so containerd decompresses gzip layers with Go's slower built-in gzip; install the '{AgentPrerequisites.Unpigz.Package}' package to benchmark what most nodes run");
        }

        var (cgroup, cgroupProblem) = settings.ContainerdAddress is null && settings.StatsSource != StatsSource.Docker
            ? ResourceMonitorFactory.PrepareCgroup()
            : (null, null);
        using var ownedCgroup = cgroup;

        // Declared before the host so it is disposed after containerd has stopped.
        await using var host = await StartContainerdAsync(settings, searchPath, cgroup, cancellationToken);
        OnContainerdReady?.Invoke(host);
        await using var monitor = await OpenMonitorAsync(settings, host, cgroup, cgroupProblem, cancellationToken);
        var catalog = await SnapshotterCatalog.ReadAsync(host.Connection, cancellationToken);
        var available = ConditionChecks.Snapshotters(settings, catalog);
        var blobs = await ContentBlobFiles.LocateAsync(host.Connection, catalog.Roots.Values, cancellationToken);
        ConditionChecks.WithContainerd(settings, blobs, available, catalog);

        // Described now, while containerd surely answers; nothing in it changes during the runs.
        var machine = await EnvironmentProbe.DescribeAsync(host, settings.Snapshotter, catalog.RootOf(settings.Snapshotter), cancellationToken);

        await using var source = openSource(settings);
        reporter.Stage($"{(source.Kind == "archive" ? "importing" : "pulling")} {source.DisplayName} (untimed, content only)");
        var image = await new ImageAcquirer(host.Connection, time)
            .AcquireAsync(source, settings.Platform, settings.PlatformExplicit, new InlineProgress<AcquisitionProgress>(reporter.Acquisition), cancellationToken);
        reporter.Acquired(ResultAssembler.DescribeImage(image, null));
        ConditionChecks.WhatIf(settings, image);
        var schedule = new VariantSchedule(settings, reporter, time);
        var encodings = await schedule.PrepareEncodingsAsync(host, image, cancellationToken);
        reporter.Stage($"{image.Layers.Count} layer(s), {image.Platform}; {settings.WarmupRuns} warm-up and {settings.Runs} timed run(s) " +
            $"into {string.Join(", ", settings.Snapshotters)}{(encodings.Count > 1 ? $" for each of {string.Join(", ", encodings.Select(e => e.Encoding.Name))}" : "")}");

        var floorTools = settings.Floor ? FloorToolbox.Find(searchPath) : null;
        var variants = new VariantRunner(host, monitor, reporter, time, settings, new VariantEnvironment(blobs, SnapshotterRoots(available, catalog), machine.Decompressor, floorTools, cgroup?.Problem is null ? cgroup : null))
        {
            CleanerFactory = CleanerFactory,
        };
        var outcomes = await schedule.RunAsync(variants, catalog, encodings, cancellationToken);
        return await FinishAsync(settings, startedAt, image, outcomes, machine, monitor, encodings.Count);
    }

    private static Dictionary<string, string> SnapshotterRoots(IEnumerable<string> snapshotters, SnapshotterCatalog catalog) =>
        snapshotters.Select(s => (Name: s, Root: catalog.RootOf(s))).Where(s => s.Root is not null).ToDictionary(s => s.Name, s => s.Root!);

    private async Task<SessionOutcome> FinishAsync(
        BenchmarkSettings settings, DateTimeOffset startedAt, AcquiredImage image, IReadOnlyList<VariantOutcome> outcomes,
        Core.Results.EnvironmentDescription machine, IResourceMonitor monitor, int encodings)
    {
        var notes = new List<string>(monitor.Notes);
        var interrupted = outcomes.Any(o => o.Interrupted);
        if (interrupted)
        {
            notes.Add($"interrupted after {outcomes.Sum(o => o.Runs.Count)} of {settings.Runs * settings.Snapshotters.Count * encodings} runs");
        }

        var abort = outcomes.Select(o => o.AbortReason).FirstOrDefault(a => a is not null);
        if (abort is not null)
        {
            notes.Add(abort);
            reporter.Warning(abort);
        }

        var result = ResultAssembler.Assemble(settings, startedAt, image, outcomes, machine, monitor.Source, notes);
        var path = await ResultFileWriter.WriteAsync(result, settings.OutputDirectory, CancellationToken.None);
        reporter.Finished(result, path);
        var ranWell = outcomes.Where(o => o.Error is null).All(o => o.Runs.Any(r => r.Status == Core.Results.RunResult.Success));
        return new SessionOutcome(result, path, ranWell && !interrupted && abort is null, interrupted);
    }

    private async Task<IResourceMonitor> OpenMonitorAsync(
        BenchmarkSettings settings, IContainerdHost host, ContainerdCgroup? cgroup, string? cgroupProblem, CancellationToken cancellationToken)
    {
        var monitor = settings.StatsSource == StatsSource.Docker
            ? await OpenDockerAsync(settings, required: true, cancellationToken)
            : host is ExternalContainerd external
                ? ResourceMonitorFactory.ForExternal(external.ProcessId, external.PidNamespace, settings.SampleInterval)
                : ResourceMonitorFactory.ForPrivate(cgroup, cgroupProblem, settings.SampleInterval);

        if (monitor is UnavailableMonitor && settings.StatsSource == StatsSource.Auto)
        {
            // The original tool's setup: the agent in a Docker container with the socket mounted.
            var docker = await OpenDockerAsync(settings, required: false, cancellationToken);
            if (docker is not UnavailableMonitor)
            {
                await monitor.DisposeAsync();
                monitor = docker;
            }
        }

        foreach (var note in monitor.Notes)
        {
            reporter.Warning(note);
        }

        return monitor;
    }

    private static async Task<IResourceMonitor> OpenDockerAsync(BenchmarkSettings settings, bool required, CancellationToken cancellationToken)
    {
        var (docker, reason) = await DockerStatsMonitor.TryCreateAsync(DockerEnvironment.FromProcess(), settings.SampleInterval, cancellationToken);
        if (docker is not null)
        {
            return docker;
        }

        return required
            ? throw new UsageException($"--stats-source docker cannot be used: {reason}", AgentFailureReasons.InvalidSpec)
            : new UnavailableMonitor($"no cgroup and no Docker source: {reason}");
    }

    private async Task<IContainerdHost> StartContainerdAsync(BenchmarkSettings settings, string? searchPath, ContainerdCgroup? cgroup, CancellationToken cancellationToken)
    {
        if (settings.ContainerdAddress is { } address)
        {
            reporter.Stage($"connecting to containerd at {address} (namespace {ContainerdConnection.DefaultNamespace})");
            return await ExternalContainerd.ConnectAsync(address, cancellationToken);
        }

        reporter.Stage($"starting a private containerd in {settings.RootDirectory}");
        var binary = ContainerdBinary.Locate(searchPath);
        return await PrivateContainerd.StartAsync(binary, new PrivateContainerdLayout(settings.RootDirectory), new Dictionary<string, string?>(), reporter.Warning, cancellationToken, cgroup);
    }

    // Progress<T> posts to the thread pool, which would report bytes out of order; report inline instead.
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
