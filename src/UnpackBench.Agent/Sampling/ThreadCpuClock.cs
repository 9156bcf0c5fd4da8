using System.Runtime.InteropServices;

namespace UnpackBench.Agent.Sampling;

/// <summary>CPU time consumed by the calling thread (CLOCK_THREAD_CPUTIME_ID), to report the sampler's own cost.</summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>The calling thread's CPU time so far.</summary>
    public static TimeSpan Now()
    {
        return ClockGetTime(ClockThreadCpuTimeId, out var spec) == 0
            ? TimeSpan.FromTicks(spec.Seconds * TimeSpan.TicksPerSecond + spec.Nanoseconds / 100)
            : TimeSpan.Zero;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec spec);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
