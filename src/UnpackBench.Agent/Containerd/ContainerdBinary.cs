using UnpackBench.Agent.Machine;

namespace UnpackBench.Agent.Containerd;

/// <summary>
/// The executables a private containerd is started with: containerd itself, and util-linux's
/// <c>setsid</c>, which gives it a session of its own (see <see cref="PrivateContainerd"/>).
/// </summary>
/// <param name="Path">containerd's full path.</param>
/// <param name="Setsid">setsid's full path.</param>
internal sealed record ContainerdBinary(string Path, string Setsid)
{
    /// <summary>The install hint shown whenever containerd is missing.</summary>
    public const string InstallHint =
        "install it with 'apt-get install -y containerd runc pigz' (Debian/Ubuntu) or 'dnf install -y containerd runc pigz' (Fedora/RHEL), " +
        "or benchmark an existing containerd with --containerd-address /run/containerd/containerd.sock";

    /// <summary>Returns the full path of <paramref name="name"/> on <paramref name="searchPath"/>, or null.</summary>
    public static string? Find(string name, string? searchPath)
    {
        foreach (var directory in (searchPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(directory, name);
            if (File.Exists(candidate) && (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Finds both executables on <paramref name="searchPath"/>, or throws saying which package to install.</summary>
    public static ContainerdBinary Locate(string? searchPath)
    {
        var containerd = Find(AgentPrerequisites.Containerd.Executable, searchPath)
            ?? throw new ContainerdException($"containerd is not installed (no 'containerd' executable on PATH): {InstallHint}");
        var setsid = Find(AgentPrerequisites.Setsid.Executable, searchPath)
            ?? throw new ContainerdException(
                $"'setsid' is not on PATH; the agent starts its containerd with it, so that a Ctrl+C reaches only the agent, which then stops containerd itself. " +
                $"Install it with 'apt-get install -y {AgentPrerequisites.Setsid.Package}' (Debian/Ubuntu) or 'dnf install -y {AgentPrerequisites.Setsid.Package}' (Fedora/RHEL)");
        return new ContainerdBinary(containerd, setsid);
    }
}
