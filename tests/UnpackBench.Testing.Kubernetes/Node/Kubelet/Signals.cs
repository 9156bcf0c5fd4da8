using System.Runtime.InteropServices;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>Sends signals to processes and process groups (<c>kill(2)</c>), which .NET does not expose by number.</summary>
internal static class Signals
{
    /// <summary>SIGTERM.</summary>
    public const int Term = 15;

    /// <summary>SIGKILL.</summary>
    public const int Kill = 9;

    /// <summary>Signals one process; false when it does not exist.</summary>
    public static bool Send(int pid, int signal) => pid > 0 && NativeKill(pid, signal) == 0;

    /// <summary>Signals every process of the group led by <paramref name="leader"/>; false when the group is empty.</summary>
    public static bool SendToGroup(int leader, int signal) => leader > 0 && NativeKill(-leader, signal) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NativeKill(int pid, int signal);
}
