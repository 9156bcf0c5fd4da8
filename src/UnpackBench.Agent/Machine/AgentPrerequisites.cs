namespace UnpackBench.Agent.Machine;

/// <summary>
/// The executables the agent looks for when it starts, and the Debian package of each. The container
/// image must install all of them (a packaging test checks the Dockerfile against this list).
/// </summary>
internal static class AgentPrerequisites
{
    /// <summary>Required: the private containerd.</summary>
    public static readonly (string Executable, string Package) Containerd = ("containerd", "containerd");

    /// <summary>containerd's OCI runtime; not used to unpack, but containerd's task plugins expect it.</summary>
    public static readonly (string Executable, string Package) Runc = ("runc", "runc");

    /// <summary>Required: starts the private containerd in a session of its own, so a terminal's Ctrl+C reaches only the agent.</summary>
    public static readonly (string Executable, string Package) Setsid = ("setsid", "util-linux");

    /// <summary>Parallel gzip: containerd decompresses gzip layers with it when it is on PATH.</summary>
    public static readonly (string Executable, string Package) Unpigz = ("unpigz", "pigz");

    /// <summary>The zstd decoder --floor times for zstd layers (the agent falls back to its own decoder without it).</summary>
    public static readonly (string Executable, string Package) Zstd = ("zstd", "zstd");

    /// <summary>GNU tar, the plain extractor --floor compares containerd with.</summary>
    public static readonly (string Executable, string Package) Tar = ("tar", "tar");

    /// <summary>The shell --floor runs its decompress | tar pipelines in.</summary>
    public static readonly (string Executable, string Package) Bash = ("bash", "bash");

    /// <summary>Every executable the agent checks for.</summary>
    public static IReadOnlyList<(string Executable, string Package)> All { get; } = [Containerd, Runc, Setsid, Unpigz, Zstd, Tar, Bash];
}
