namespace UnpackBench.Testing;

/// <summary>
/// Checks for the real parts integration tests run against, failing with a message that says how to install them.
/// </summary>
public static class Prerequisites
{
    /// <summary>
    /// Finds <paramref name="name"/> on <c>PATH</c> and returns its full path, or throws
    /// <see cref="MissingPrerequisiteException"/> naming the command that installs it.
    /// </summary>
    public static string RequireExecutable(string name, string installCommand)
    {
        var found = FindOnPath(name);
        return found ?? throw new MissingPrerequisiteException(
            $"'{name}' was not found on PATH, and this test runs against the real '{name}'. " +
            $"Install it with: {installCommand}");
    }

    /// <summary>Throws unless the process runs as root; <paramref name="why"/> says what needs it.</summary>
    public static void RequireRoot(string why)
    {
        if (Environment.UserName != "root")
        {
            throw new MissingPrerequisiteException(
                $"{why} needs root, but the tests run as '{Environment.UserName}'. Run the tests as root (e.g. with sudo).");
        }
    }

    /// <summary>The full path of <paramref name="name"/> on <c>PATH</c>, or null.</summary>
    public static string? FindOnPath(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(name) ? Path.GetFullPath(name) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutable(string file) => Native.LibC.IsExecutable(file);
}
