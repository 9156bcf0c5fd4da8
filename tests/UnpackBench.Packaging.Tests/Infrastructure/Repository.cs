namespace UnpackBench.Packaging.Tests.Infrastructure;

/// <summary>The repository the tests check, found by walking up from the test assembly to UnpackBench.sln.</summary>
internal static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository's root directory.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The absolute path of <paramref name="relative"/> (forward slashes).</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The text of a repository file.</summary>
    public static string Read(string relative)
    {
        var path = PathOf(relative);
        Assert.True(File.Exists(path), $"{relative} does not exist");
        return File.ReadAllText(path);
    }

    /// <summary>The repository-relative paths of the files matching <paramref name="pattern"/> in <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> Files(string directory, string pattern) =>
        Directory.GetFiles(PathOf(directory), pattern)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "UnpackBench.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no UnpackBench.sln above {AppContext.BaseDirectory}: the tests must run from a build inside the repository");
    }
}
