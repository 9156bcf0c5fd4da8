namespace UnpackBench.Agent.Tests.Comparison;

/// <summary>Files of this repository, found from the test's output directory upwards.</summary>
internal static class RepositoryFile
{
    /// <summary>The full path of <paramref name="relative"/> in the repository (the directory holding UnpackBench.sln).</summary>
    public static string Path(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "UnpackBench.sln")))
            {
                return System.IO.Path.Combine(directory.FullName, relative);
            }
        }

        throw new InvalidOperationException($"no UnpackBench.sln above {AppContext.BaseDirectory}: the tests run from the repository's build output");
    }
}
