using System.Runtime.InteropServices;

namespace UnpackBench.Agent.Containerd;

/// <summary>The few process facts .NET does not expose: signals by number, liveness, command lines.</summary>
internal static partial class UnixProcesses
{
    /// <summary>SIGTERM: ask a process to shut down.</summary>
    public const int SigTerm = 15;

    /// <summary>SIGKILL: end it now.</summary>
    public const int SigKill = 9;

    /// <summary>Sends <paramref name="signal"/>; false if the process does not exist.</summary>
    public static bool Signal(int pid, int signal) => Kill(pid, signal) == 0;

    /// <summary>Whether a process with this id exists (zombies excluded).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
            return state != 'Z' && state != 'X';
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>The process's arguments, or an empty list when it is gone.</summary>
    public static IReadOnlyList<string> CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>Signals with SIGTERM, waits up to <paramref name="grace"/>, then SIGKILLs; returns when it is gone.</summary>
    public static async Task TerminateAsync(int pid, TimeSpan grace)
    {
        if (!Signal(pid, SigTerm))
        {
            return;
        }

        var deadline = DateTime.UtcNow + grace;
        while (IsAlive(pid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        if (IsAlive(pid))
        {
            Signal(pid, SigKill);
            for (var i = 0; i < 100 && IsAlive(pid); i++)
            {
                await Task.Delay(20);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
