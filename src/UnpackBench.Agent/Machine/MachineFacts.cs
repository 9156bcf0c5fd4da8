namespace UnpackBench.Agent.Machine;

/// <summary>Pure parsers for the /proc files that describe the machine.</summary>
internal static class MachineFacts
{
    /// <summary>The first <c>model name</c> (x86) or <c>Model</c>/<c>Hardware</c> (arm) in /proc/cpuinfo.</summary>
    public static string CpuModel(string cpuInfo)
    {
        foreach (var key in new[] { "model name", "Model", "Hardware", "cpu model" })
        {
            var line = cpuInfo.Split('\n').FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal));
            if (line is not null)
            {
                return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        return "unknown";
    }

    /// <summary>MemTotal from /proc/meminfo, in MiB; null when it cannot be read (never a made-up zero).</summary>
    public static long? MemoryMb(string memInfo)
    {
        var line = memInfo.Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return long.TryParse(kb, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value / 1024 : null;
    }

    /// <summary>
    /// Which decompressor containerd uses for gzip layers, from containerd's own environment: it runs
    /// <c>unpigz</c> when one is on its PATH, unless CONTAINERD_DISABLE_PIGZ is set to a true value.
    /// </summary>
    public static string GzipDecompressor(IReadOnlyDictionary<string, string> containerdEnvironment, Func<string, bool> existsOnPath)
    {
        if (containerdEnvironment.TryGetValue("CONTAINERD_DISABLE_PIGZ", out var disabled) && IsTrue(disabled))
        {
            return "builtin";
        }

        return existsOnPath(containerdEnvironment.GetValueOrDefault("PATH", "")) ? "unpigz" : "builtin";
    }

    /// <summary>
    /// Parses /proc/&lt;pid&gt;/environ (NUL-separated KEY=value). A variable listed twice takes its first
    /// value, as getenv(3) and Go's os.Getenv (so containerd) see it.
    /// </summary>
    public static Dictionary<string, string> ParseEnviron(string environ) =>
        environ.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .GroupBy(kv => kv[0])
            .ToDictionary(g => g.Key, g => g.First()[1]);

    // Go's strconv.ParseBool, which containerd uses for the variable.
    private static bool IsTrue(string value) => value is "1" or "t" or "T" or "TRUE" or "true" or "True";
}
