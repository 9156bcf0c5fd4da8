using System.Globalization;

namespace UnpackBench.Agent.Sampling;

/// <summary>Pure parsers for the cgroupfs files the samplers read (v1 and v2 formats).</summary>
internal static class CgroupFiles
{
    /// <summary>A file holding one integer (memory.current, pids.current, cpuacct.usage, …); null if absent or "max".</summary>
    public static long? Single(string? content) =>
        long.TryParse(content?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A flat keyed file ("key value" per line: cpu.stat, memory.stat); missing keys are absent.</summary>
    public static Dictionary<string, long> Keyed(string? content)
    {
        var values = new Dictionary<string, long>();
        foreach (var line in (content ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                values[parts[0]] = value;
            }
        }

        return values;
    }

    /// <summary>
    /// v2 io.stat: one line per device, "MAJ:MIN rbytes=… wbytes=… rios=…"; returns the sums over devices,
    /// or nulls when the file is absent.
    /// </summary>
    public static (long? Read, long? Write) IoStat(string? content)
    {
        if (content is null)
        {
            return (null, null);
        }

        long read = 0, write = 0;
        foreach (var line in content.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var pair in line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
            {
                var kv = pair.Split('=', 2);
                if (kv.Length == 2 && long.TryParse(kv[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                {
                    read += kv[0] == "rbytes" ? value : 0;
                    write += kv[0] == "wbytes" ? value : 0;
                }
            }
        }

        return (read, write);
    }

    /// <summary>
    /// v1 blkio.throttle.io_service_bytes(_recursive): "MAJ:MIN Read N" lines plus a final "Total N";
    /// returns the sums of Read and Write over devices, or nulls when absent.
    /// </summary>
    public static (long? Read, long? Write) BlkioServiceBytes(string? content)
    {
        if (content is null)
        {
            return (null, null);
        }

        long read = 0, write = 0;
        foreach (var line in content.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                read += parts[1] == "Read" ? value : 0;
                write += parts[1] == "Write" ? value : 0;
            }
        }

        return (read, write);
    }
}
