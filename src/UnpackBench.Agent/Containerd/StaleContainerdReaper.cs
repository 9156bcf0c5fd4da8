using System.Globalization;

namespace UnpackBench.Agent.Containerd;

/// <summary>
/// Remembers which containerd serves a root (pid file: containerd's pid and the agent's), so that
/// a containerd orphaned by a killed agent is stopped before a new one opens the same database,
/// while a root in use by a live agent is refused rather than taken over.
/// </summary>
internal static class StaleContainerdReaper
{
    /// <summary>Writes the pid file for a containerd just started.</summary>
    public static void Record(PrivateContainerdLayout layout, int containerdPid) =>
        File.WriteAllText(layout.PidFilePath, $"{containerdPid} {Environment.ProcessId}\n");

    /// <summary>Removes the pid file after a clean stop.</summary>
    public static void Forget(PrivateContainerdLayout layout) => File.Delete(layout.PidFilePath);

    /// <summary>Stops a containerd left behind on this root, or throws if another agent is still using it.</summary>
    public static async Task ReapAsync(PrivateContainerdLayout layout, Action<string> notice)
    {
        if (!File.Exists(layout.PidFilePath))
        {
            return;
        }

        var fields = (await File.ReadAllTextAsync(layout.PidFilePath)).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var containerdPid = fields.Length > 0 && int.TryParse(fields[0], CultureInfo.InvariantCulture, out var c) ? c : 0;
        var agentPid = fields.Length > 1 && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var a) ? a : 0;

        if (agentPid > 0 && agentPid != Environment.ProcessId && UnixProcesses.IsAlive(agentPid) && IsContainerdOf(containerdPid, layout))
        {
            throw new ContainerdException(
                $"another unpackbench agent (pid {agentPid}) is using the containerd root {layout.BaseDirectory}; wait for it to finish or pass a different --root");
        }

        if (containerdPid > 0 && IsContainerdOf(containerdPid, layout))
        {
            notice($"stopping containerd (pid {containerdPid}) left behind by an earlier agent on {layout.BaseDirectory}");
            await UnixProcesses.TerminateAsync(containerdPid, TimeSpan.FromSeconds(10));
        }

        File.Delete(layout.PidFilePath);
    }

    private static bool IsContainerdOf(int pid, PrivateContainerdLayout layout)
    {
        var arguments = UnixProcesses.CommandLine(pid);
        return arguments.Count > 0 && Path.GetFileName(arguments[0]) == "containerd" && arguments.Contains(layout.ConfigPath);
    }
}
