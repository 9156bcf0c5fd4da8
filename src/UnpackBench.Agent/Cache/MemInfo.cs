using System.Globalization;

namespace UnpackBench.Agent.Cache;

/// <summary>The figures of /proc/meminfo a run's cache state records, in kB as the kernel writes them.</summary>
internal sealed record MemInfo(long? MemFreeKb, long? CachedKb, long? DirtyKb, long? WritebackKb)
{
    /// <summary>Reads /proc/meminfo; every figure is null when it cannot be read.</summary>
    public static MemInfo ReadCurrent()
    {
        try
        {
            return Parse(File.ReadAllText("/proc/meminfo"));
        }
        catch (IOException)
        {
            return new MemInfo(null, null, null, null);
        }
    }

    /// <summary>Parses the <c>Key:   value kB</c> lines of /proc/meminfo.</summary>
    public static MemInfo Parse(string text)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var number = colon < 0 ? "" : line[(colon + 1)..].Trim().Split(' ')[0];
            if (colon > 0 && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                values[line[..colon]] = value;
            }
        }

        return new MemInfo(Get("MemFree"), Get("Cached"), Get("Dirty"), Get("Writeback"));

        long? Get(string key) => values.TryGetValue(key, out var v) ? v : null;
    }
}
