namespace UnpackBench.Testing.Kubernetes.CustomResources;

/// <summary>
/// The project's own Kubernetes manifests — the UnpackBenchmark CRD, the RBAC roles — read from the
/// repository the running build belongs to (found by walking up to UnpackBench.sln), so tests and
/// benchmarks serve exactly what a cluster gets.
/// </summary>
public static class ProjectManifests
{
    /// <summary>The CRD, relative to the repository root (the chart holds an equal copy).</summary>
    public const string CrdFile = "config/crd/unpackbench.io_unpackbenchmarks.yaml";

    /// <summary>The operator's RBAC manifests, relative to the repository root.</summary>
    public const string RbacDirectory = "config/rbac";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository's root directory.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The UnpackBenchmark CRD's YAML.</summary>
    public static string Crd => Read(CrdFile);

    /// <summary>The text of a repository file.</summary>
    /// <exception cref="FileNotFoundException">There is no such file in the repository.</exception>
    public static string Read(string relative)
    {
        var path = Path.Combine(Root, relative);
        return File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException($"{relative} does not exist in the repository at {Root}", path);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "UnpackBench.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no UnpackBench.sln above {AppContext.BaseDirectory}: run from a build inside the repository");
    }
}
