namespace UnpackBench.Bench.CommandLine;

/// <summary>Finds the operator's Release build in the repository (the first directory upwards holding UnpackBench.sln).</summary>
internal static class OperatorLocator
{
    private static readonly string RelativeDll = Path.Combine("src", "UnpackBench.Operator", "bin", "Release", "net10.0", "unpackbench-operator.dll");

    /// <summary>The operator's dll; throws with the build command when it is missing.</summary>
    public static string Find()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "UnpackBench.sln")))
            {
                var dll = Path.Combine(directory.FullName, RelativeDll);
                return File.Exists(dll)
                    ? dll
                    : throw new FileNotFoundException($"the operator is not built in Release at {dll}; build it with: dotnet build src/UnpackBench.Operator -c Release (bench/operator-scale.sh does).", dll);
            }
        }

        throw new FileNotFoundException("could not find the repository (UnpackBench.sln) above the current directory; run from the repository.");
    }
}
