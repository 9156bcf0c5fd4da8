namespace UnpackBench.Agent.Tests.Support;

/// <summary>Finds containerd processes serving a given root, to prove none is left behind.</summary>
internal static class ContainerdProcesses
{
    /// <summary>Pids of live containerd processes whose command line mentions <paramref name="root"/>.</summary>
    public static IReadOnlyList<int> Under(string root)
    {
        var pids = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var arguments = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
                if (Path.GetFileName(arguments[0]) == "containerd" && arguments.Any(a => a.StartsWith(root, StringComparison.Ordinal)))
                {
                    pids.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return pids;
    }

    public static void AssertNoneUnder(string root) =>
        Assert.True(Under(root).Count == 0, $"containerd still running for {root}: pids {string.Join(", ", Under(root))}");
}
