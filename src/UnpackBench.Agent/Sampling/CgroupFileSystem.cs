namespace UnpackBench.Agent.Sampling;

/// <summary>Reads and writes cgroupfs files; failures become nulls and false, because a missing controller is a fact to report, not a crash.</summary>
internal static class CgroupFileSystem
{
    /// <summary>The file's text, or null when it does not exist or cannot be read.</summary>
    public static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes <paramref name="value"/>; false when the kernel refuses.</summary>
    public static bool Write(string path, string value)
    {
        try
        {
            File.WriteAllText(path, value);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Writes <paramref name="value"/>, throwing with the kernel's reason on failure.</summary>
    public static void WriteOrThrow(string path, string value)
    {
        try
        {
            File.WriteAllText(path, value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CgroupUnavailableException($"writing '{value.Trim()}' to {path}: {e.Message}", e);
        }
    }
}

/// <summary>The cgroup the agent needs cannot be created or joined; the benchmark runs without figures.</summary>
internal sealed class CgroupUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
