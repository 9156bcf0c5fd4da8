namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>Unix permission bits of files the kubelet writes (the kubelet runs on Linux only).</summary>
internal static class FileModes
{
    /// <summary>Sets <paramref name="path"/>'s permission bits.</summary>
    public static void Set(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }
}
