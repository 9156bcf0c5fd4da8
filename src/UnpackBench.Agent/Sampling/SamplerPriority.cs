using System.Runtime.InteropServices;

namespace UnpackBench.Agent.Sampling;

/// <summary>
/// Lets a sampling thread wake on time on a busy machine. .NET ignores <see cref="Thread.Priority"/> on
/// Linux, so the thread's nice value is lowered instead (root may; elsewhere it stays as it was). A
/// sampler does a few reads per wake-up and sleeps otherwise, so favouring it costs the work measured
/// almost nothing, while an unfavoured one, woken late behind every busy thread, skips slots.
/// </summary>
internal static partial class SamplerPriority
{
    private const int PrioProcess = 0;
    private const int Nice = -10;

    /// <summary>Raises the calling thread's scheduling priority; false when the kernel refused.</summary>
    public static bool RaiseForCurrentThread() => SetPriority(PrioProcess, GetTid(), Nice) == 0;

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);
}
