namespace UnpackBench.Agent.Containerd;

/// <summary>Finds the containerd executable on PATH.</summary>
internal static class ContainerdBinary
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
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate) && (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Returns containerd's path or throws with the install hint.</summary>
    public static string Locate(string? searchPath) =>
        Find("containerd", searchPath)
        ?? throw new ContainerdException($"containerd is not installed (no 'containerd' executable on PATH): {InstallHint}");
}
