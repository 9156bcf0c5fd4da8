namespace UnpackBench.Agent.Cache;

/// <summary>
/// The agent's own mapped files — the .NET runtime, its libraries, the agent's assemblies — read back into
/// the page cache after <c>--cache drop</c> emptied it. Dropping evicts these clean pages too, and the agent
/// would otherwise fault them back in from disk one page at a time inside the timed window, between
/// containerd's calls: the tool's own cost, which must stay out of the window. containerd's files and the
/// layer blobs stay dropped; they are the unpack's.
/// </summary>
internal static class OwnCodePages
{
    private const int BufferSize = 1024 * 1024;

    /// <summary>Reads every regular file this process maps, once; returns the bytes read.</summary>
    public static long Reload(string mapsPath = "/proc/self/maps")
    {
        var buffer = new byte[BufferSize];
        long total = 0;
        foreach (var path in MappedFiles(File.ReadLines(mapsPath)))
        {
            try
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
                int read;
                while ((read = file.Read(buffer)) > 0)
                {
                    total += read;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A mapping whose file went away or cannot be opened: its pages fault in as before.
            }
        }

        return total;
    }

    /// <summary>The distinct files named in <c>/proc/PID/maps</c> lines (not anonymous, special or deleted mappings).</summary>
    public static IReadOnlyList<string> MappedFiles(IEnumerable<string> mapsLines) =>
        [.. mapsLines
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 6)
            .Select(fields => fields[5].Trim())
            .Where(path => path.StartsWith('/') && !path.EndsWith(" (deleted)", StringComparison.Ordinal) && !path.StartsWith("/dev/", StringComparison.Ordinal) && !path.StartsWith("/memfd:", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];
}
