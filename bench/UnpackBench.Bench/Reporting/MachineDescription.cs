using CliWrap;
using CliWrap.Buffered;
using UnpackBench.Testing;

namespace UnpackBench.Bench.Reporting;

/// <summary>The one line that says where the numbers were measured: CPU, cores, kernel, filesystem, gzip tool.</summary>
internal static class MachineDescription
{
    /// <summary>Reads /proc and PATH and asks containerd for its version.</summary>
    public static async Task<string> DescribeAsync(string workDirectory, CancellationToken cancellationToken)
    {
        var cpu = FirstValue(ReadOr("/proc/cpuinfo"), "model name") ?? FirstValue(ReadOr("/proc/cpuinfo"), "Model") ?? "unknown CPU";
        var kernel = ReadOr("/proc/sys/kernel/osrelease").Trim();
        var fileSystem = FileSystemOf(Path.GetFullPath(workDirectory), ReadOr("/proc/self/mountinfo"));
        // containerd inherits this environment: it decompresses gzip with unpigz when one is on PATH.
        var unpigz = Prerequisites.FindOnPath("unpigz") is null ? "no (containerd uses Go's gzip)" : "yes (containerd uses it for gzip)";
        if (Environment.GetEnvironmentVariable("CONTAINERD_DISABLE_PIGZ") is { Length: > 0 } disabled)
        {
            unpigz += $", but CONTAINERD_DISABLE_PIGZ={disabled}";
        }

        var containerd = await Cli.Wrap("containerd").WithArguments(["--version"]).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        var version = containerd.StandardOutput.Trim().Split(' ').ElementAtOrDefault(2) ?? "unknown";
        var load = ReadOr("/proc/loadavg").Split(' ').FirstOrDefault() is { Length: > 0 } oneMinute ? oneMinute : "unknown";
        return $"machine: {cpu}, {Environment.ProcessorCount} cores, kernel {kernel}, work dir on {fileSystem}, " +
            $"unpigz on PATH: {unpigz}, containerd {version}, load average {load} at start";
    }

    /// <summary>The filesystem type of the longest mount point containing <paramref name="path"/>.</summary>
    public static string FileSystemOf(string path, string mountInfo)
    {
        var (bestLength, bestType) = (-1, "unknown");
        foreach (var line in mountInfo.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            var separator = Array.IndexOf(fields, "-");
            if (fields.Length < 5 || separator < 0 || separator + 1 >= fields.Length)
            {
                continue;
            }

            var mountPoint = fields[4].Replace("\\040", " ", StringComparison.Ordinal);
            var contains = mountPoint == "/" || path == mountPoint || path.StartsWith(mountPoint + "/", StringComparison.Ordinal);
            if (contains && mountPoint.Length >= bestLength)
            {
                (bestLength, bestType) = (mountPoint.Length, fields[separator + 1]);
            }
        }

        return bestType;
    }

    private static string? FirstValue(string text, string key) =>
        text.Split('\n').Where(line => line.StartsWith(key, StringComparison.Ordinal) && line.Contains(':', StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();

    private static string ReadOr(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
