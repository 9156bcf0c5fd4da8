using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Machine;

namespace UnpackBench.Agent.Floors;

/// <summary>The executables the floors use, as found on the agent's PATH.</summary>
internal sealed record FloorToolbox(bool HasUnpigz, bool HasZstd, bool HasTar, bool HasBash)
{
    /// <summary>Looks the tools up on <paramref name="searchPath"/>.</summary>
    public static FloorToolbox Find(string? searchPath) => new(
        ContainerdBinary.Find(AgentPrerequisites.Unpigz.Executable, searchPath) is not null,
        ContainerdBinary.Find(AgentPrerequisites.Zstd.Executable, searchPath) is not null,
        ContainerdBinary.Find(AgentPrerequisites.Tar.Executable, searchPath) is not null,
        ContainerdBinary.Find(AgentPrerequisites.Bash.Executable, searchPath) is not null);

    /// <summary>Null when floors can be measured, otherwise what is missing and how to install it.</summary>
    public string? Problem => HasTar && HasBash
        ? null
        : $"--floor extracts layers with GNU tar in a bash pipeline, but {(HasTar ? "bash" : "tar")} is not on PATH; install the '{(HasTar ? "bash" : "tar")}' package";
}
