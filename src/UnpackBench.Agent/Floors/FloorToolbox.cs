using UnpackBench.Agent.Containerd;

namespace UnpackBench.Agent.Floors;

/// <summary>The executables the floors use, as found on the agent's PATH.</summary>
internal sealed record FloorToolbox(bool HasUnpigz, bool HasZstd, bool HasTar, bool HasBash)
{
    /// <summary>Looks the tools up on <paramref name="searchPath"/>.</summary>
    public static FloorToolbox Find(string? searchPath) => new(
        ContainerdBinary.Find("unpigz", searchPath) is not null,
        ContainerdBinary.Find("zstd", searchPath) is not null,
        ContainerdBinary.Find("tar", searchPath) is not null,
        ContainerdBinary.Find("bash", searchPath) is not null);

    /// <summary>Null when floors can be measured, otherwise what is missing and how to install it.</summary>
    public string? Problem => HasTar && HasBash
        ? null
        : $"--floor extracts layers with GNU tar in a bash pipeline, but {(HasTar ? "bash" : "tar")} is not on PATH; install the '{(HasTar ? "bash" : "tar")}' package";
}
