namespace UnpackBench.Bench.CommandLine;

/// <summary>Finds the agent's Release build: the repository is the first directory upwards holding UnpackBench.sln.</summary>
internal static class AgentLocator
{
    private static readonly string RelativeDll = Path.Combine("src", "UnpackBench.Agent", "bin", "Release", "net10.0", "unpackbench-agent.dll");

    /// <summary>
    /// <paramref name="given"/> when set; otherwise the repository's Release build, searched from the current
    /// directory and from the bench's own location. Throws with the build command when it is missing.
    /// </summary>
    public static string Find(string? given)
    {
        if (given is not null)
        {
            var full = Path.GetFullPath(given);
            return File.Exists(full) ? full : throw new FileNotFoundException($"--agent {given} does not exist.", full);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "UnpackBench.sln")))
                {
                    var dll = Path.Combine(directory.FullName, RelativeDll);
                    return File.Exists(dll)
                        ? dll
                        : throw new FileNotFoundException(
                            $"the agent is not built in Release at {dll}; build it with: dotnet build {Path.Combine(directory.FullName, "src", "UnpackBench.Agent")} -c Release (bench/unpack-vs-ctr.sh does).", dll);
                }
            }
        }

        throw new FileNotFoundException("could not find the repository (UnpackBench.sln) above the current directory; run from the repository or pass --agent.");
    }

    /// <summary>
    /// Copies the agent's build output (the directory holding <paramref name="dll"/>) to
    /// <paramref name="destination"/> and returns the copy's dll, so a rebuild during a long benchmark cannot
    /// change the agent between iterations.
    /// </summary>
    public static string Freeze(string dll, string destination)
    {
        if (Directory.Exists(destination))
        {
            Directory.Delete(destination, recursive: true);
        }

        var source = Path.GetDirectoryName(dll)!;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return Path.Combine(destination, Path.GetFileName(dll));
    }
}
