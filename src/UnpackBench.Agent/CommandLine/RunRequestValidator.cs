using UnpackBench.Agent.Benchmark;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Images;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// Turns an <see cref="AgentRunRequest"/> into <see cref="BenchmarkSettings"/>, or into the list of
/// what is wrong — every problem at once, each a sentence saying what to change. Pure: the environment,
/// working directory, platform and file checks are passed in. Each concern has its own rules type; the
/// limits are <see cref="BenchmarkLimits"/>.
/// </summary>
internal static class RunRequestValidator
{
    /// <summary>Validates; returns settings or the problems.</summary>
    public static (BenchmarkSettings? Settings, IReadOnlyList<string> Problems) Validate(
        AgentRunRequest request, Func<string, string?> environment, string workingDirectory, Platform machinePlatform, Func<string, bool> fileExists)
    {
        var problems = new List<string>();
        var source = ImageSourceRules.Check(request, environment, workingDirectory, fileExists, problems);
        var counts = RunCountRules.Check(request, environment, problems);
        var output = OutputRules.Check(request, problems);
        var containerd = ContainerdRules.Check(request, machinePlatform, workingDirectory, fileExists, problems);
        var variants = VariantRules.Check(request, problems);
        if (problems.Count > 0 || containerd.Platform is null)
        {
            return (null, problems);
        }

        return (new BenchmarkSettings
        {
            Image = source.Image,
            ArchivePath = source.ArchivePath,
            Runs = counts.Runs,
            WarmupRuns = counts.Warmup,
            Snapshotter = containerd.Snapshotters[0],
            Snapshotters = containerd.Snapshotters,
            Concurrency = variants.Concurrency,
            CacheMode = variants.Cache,
            Durable = request.Durable,
            Floor = request.Floor,
            WhatIf = variants.WhatIf,
            LinkMbps = variants.LinkMbps,
            Platform = containerd.Platform,
            PlatformExplicit = request.Platform is not null,
            PlainHttp = request.PlainHttp,
            RegistryConfigs = request.RegistryConfigs.Select(c => Path.GetFullPath(c, workingDirectory)).ToList(),
            RootDirectory = Path.GetFullPath(request.Root ?? Path.Combine(".unpackbench", "containerd"), workingDirectory),
            ContainerdAddress = request.ContainerdAddress is null ? null : Path.GetFullPath(request.ContainerdAddress, workingDirectory),
            OutputDirectory = Path.GetFullPath(request.Output ?? "results", workingDirectory),
            PrintJson = request.Json,
            SampleInterval = output.SampleInterval,
            StatsSource = output.StatsSource,
            JsonLog = output.JsonLog,
            TerminationMessagePath = request.TerminationMessagePath is null ? null : Path.GetFullPath(request.TerminationMessagePath, workingDirectory),
        }, problems);
    }
}
