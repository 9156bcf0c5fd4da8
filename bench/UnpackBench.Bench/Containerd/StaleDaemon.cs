using System.Globalization;
using System.Runtime.InteropServices;

namespace UnpackBench.Bench.Containerd;

/// <summary>
/// Stops a containerd that an earlier, killed benchmark left running on the same work directory — only when
/// the process recorded in the pid file is still a containerd started with this directory's config, so an
/// unrelated process that reused the id is never touched.
/// </summary>
internal static partial class StaleDaemon
{
    private const int SigTerm = 15;

    /// <summary>SIGTERM, wait up to 15 s, then SIGKILL; removes the pid file.</summary>
    public static async Task StopAsync(string pidFile, string configPath)
    {
        if (!File.Exists(pidFile))
        {
            return;
        }

        if (int.TryParse(await File.ReadAllTextAsync(pidFile), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) &&
            IsOurContainerd(pid, configPath))
        {
            await Console.Error.WriteLineAsync($"stopping containerd {pid} left running by an earlier benchmark");
            _ = Kill(pid, SigTerm);
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        File.Delete(pidFile);
    }

    private static bool IsOurContainerd(int pid, string configPath)
    {
        try
        {
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            return arguments.Length > 0 && Path.GetFileName(arguments[0]) == "containerd" && arguments.Contains(configPath);
        }
        catch (IOException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
