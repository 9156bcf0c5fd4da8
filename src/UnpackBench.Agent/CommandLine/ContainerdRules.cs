using System.Text.RegularExpressions;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Images;

namespace UnpackBench.Agent.CommandLine;

/// <summary>What containerd is asked to do: the snapshotter, the platform, the credentials files, and which containerd.</summary>
internal static class ContainerdRules
{
    /// <summary>The snapshotters (in order, the first is the main one) and platform; problems are added to <paramref name="problems"/>.</summary>
    public static (IReadOnlyList<string> Snapshotters, Platform? Platform) Check(
        AgentRunRequest request, Platform machinePlatform, string workingDirectory, Func<string, bool> fileExists, List<string> problems)
    {
        IReadOnlyList<string> snapshotters = request.Snapshotters.Count == 0 ? [BenchmarkLimits.DefaultSnapshotter] : request.Snapshotters;
        foreach (var snapshotter in snapshotters.Where(s => !Regex.IsMatch(s, BenchmarkLimits.SnapshotterPattern)))
        {
            problems.Add($"snapshotter name '{snapshotter}' is not valid: use a containerd snapshotter name such as overlayfs or native");
        }

        if (snapshotters.Distinct().Count() != snapshotters.Count)
        {
            problems.Add($"{AgentRunOptions.Snapshotter.Name} names a snapshotter twice ({string.Join(", ", snapshotters)}); give each once");
        }

        if (snapshotters.Count > BenchmarkLimits.MaxSnapshotters)
        {
            problems.Add($"{snapshotters.Count} snapshotters given; at most {BenchmarkLimits.MaxSnapshotters} in one benchmark");
        }

        var platform = request.Platform is null ? machinePlatform : Variables.Try(() => Platform.Parse(request.Platform), problems);

        foreach (var config in request.RegistryConfigs.Where(c => !fileExists(Path.GetFullPath(c, workingDirectory))))
        {
            problems.Add($"{AgentRunOptions.RegistryConfig.Name} '{config}' does not exist; give the path of a Docker config.json");
        }

        if (request.ContainerdAddress is not null && request.Root is not null)
        {
            problems.Add($"{AgentRunOptions.Root.Name} configures the private containerd and {AgentRunOptions.ContainerdAddress.Name} uses an existing one; give only one");
        }

        return (snapshotters, platform);
    }
}
