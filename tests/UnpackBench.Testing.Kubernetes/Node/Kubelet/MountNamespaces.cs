namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>Which processes share a mount namespace, from <c>/proc/PID/ns/mnt</c>.</summary>
internal static class MountNamespaces
{
    /// <summary>The namespace's identity (e.g. <c>mnt:[4026532281]</c>), or null when the process is gone.</summary>
    public static string? Of(int pid)
    {
        try
        {
            return new FileInfo($"/proc/{pid}/ns/mnt").LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The processes in <paramref name="mountNamespace"/>.</summary>
    public static IEnumerable<int> Members(string mountNamespace) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Of(pid) == mountNamespace)
            .ToList();
}
