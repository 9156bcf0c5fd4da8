using System.Globalization;

namespace UnpackBench.Agent.Tests.Sampling.Docker;

/// <summary>The CPU time a process has used (user + system), as it reports it in <c>/proc/PID/stat</c>.</summary>
public sealed class ProcessCpuClock(int pid)
{
    // /proc reports CPU times in clock ticks of USER_HZ, which Linux fixes at 100 per second for user space.
    private const double TicksPerSecond = 100;

    /// <summary>User + system CPU seconds so far.</summary>
    public double Seconds()
    {
        // "pid (comm) state ppid …": comm may hold spaces, so count the fields from its closing ')'.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After ')' field 0 is state (stat's 3rd field), so utime (14th) and stime (15th) are 11 and 12.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / TicksPerSecond;
    }
}

/// <summary>
/// A process's CPU seconds read around a measured window: before and after it was opened, before and
/// after it was closed. Whatever the window measured lies between <see cref="Inner"/> and <see cref="Outer"/>.
/// </summary>
public sealed record ProcessCpuReadings(double BeforeBegin, double AfterBegin, double BeforeEnd, double AfterEnd)
{
    /// <summary>CPU spent from the moment opening returned to the moment closing was asked for.</summary>
    public double Inner => BeforeEnd - AfterBegin;

    /// <summary>CPU spent from the moment opening was asked for to the moment closing returned.</summary>
    public double Outer => AfterEnd - BeforeBegin;
}
