using CliWrap;
using CliWrap.Buffered;
using UnpackBench.Agent.Containerd;
using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Agent.Prediction;

/// <summary>
/// The conditions an unpack on this machine would have, as far as they can be found without starting
/// containerd: the containerd on PATH (its <c>--version</c>), whether <c>unpigz</c> is there for it, the
/// kernel. What cannot be found is <see cref="ConditionComparison.Unknown"/> and not compared.
/// </summary>
internal static class LocalConditions
{
    /// <summary>This machine's conditions; the snapshotter and cache mode are the ones asked for.</summary>
    public static async Task<UnpackConditions> ProbeAsync(string snapshotter, string cacheMode, string? searchPath, CancellationToken cancellationToken) => new()
    {
        Snapshotter = snapshotter,
        CacheMode = cacheMode,
        Decompressor = ContainerdBinary.Find("unpigz", searchPath) is null ? "builtin" : "unpigz",
        ContainerdVersion = await ContainerdVersionAsync(searchPath, cancellationToken),
        Kernel = File.Exists("/proc/sys/kernel/osrelease") ? (await File.ReadAllTextAsync("/proc/sys/kernel/osrelease", cancellationToken)).Trim() : ConditionComparison.Unknown,
    };

    /// <summary>The version word of <c>containerd --version</c> ("containerd github.com/containerd/containerd 1.6.20 …").</summary>
    public static string ParseVersion(string output) =>
        output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is { Length: >= 3 } words && words[0] == "containerd" ? words[2] : ConditionComparison.Unknown;

    private static async Task<string> ContainerdVersionAsync(string? searchPath, CancellationToken cancellationToken)
    {
        if (ContainerdBinary.Find("containerd", searchPath) is not { } binary)
        {
            return ConditionComparison.Unknown;
        }

        try
        {
            var result = await Cli.Wrap(binary).WithArguments(["--version"]).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cancellationToken);
            return result.ExitCode == 0 ? ParseVersion(result.StandardOutput) : ConditionComparison.Unknown;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return ConditionComparison.Unknown;
        }
    }
}
