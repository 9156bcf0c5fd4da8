using UnpackBench.Testing.Processes;

namespace UnpackBench.Testing.Docker;

/// <summary>
/// The project's container image, built from the repository's Dockerfile by
/// <c>docker/ci/build-image.sh</c> (see "What CI builds" in the README) and kept as a <c>docker save</c>
/// archive that test dockerds load. <c>./test.sh</c> builds it before the tests and names it in
/// <c>UNPACKBENCH_CI_IMAGE_ARCHIVE</c>; without that variable the first test that needs it runs the
/// script (cached, and locked against concurrent test processes) once per test process.
/// </summary>
public static class ProjectImage
{
    /// <summary>The tag the archive holds.</summary>
    public const string Tag = "unpackbench:ci";

    /// <summary>The variable <c>./test.sh</c> sets to the archive's path.</summary>
    public const string ArchiveVariable = "UNPACKBENCH_CI_IMAGE_ARCHIVE";

    private static readonly Lazy<Task<string>> Archive = new(BuildAsync);

    /// <summary>The archive's path, building it first when needed.</summary>
    public static Task<string> ArchiveAsync() => Archive.Value;

    private static async Task<string> BuildAsync()
    {
        if (Environment.GetEnvironmentVariable(ArchiveVariable) is { Length: > 0 } given)
        {
            return File.Exists(given)
                ? given
                : throw new MissingPrerequisiteException($"{ArchiveVariable}={given}, but there is no such file; run ./test.sh, or unset it to build the image with docker/ci/build-image.sh");
        }

        Prerequisites.RequireRoot("Building the project's image");
        Prerequisites.RequireExecutable("debootstrap", "apt-get install -y debootstrap");
        Prerequisites.RequireExecutable("dockerd", "apt-get install -y docker.io");
        var script = Path.Combine(RepositoryRoot(), "docker", "ci", "build-image.sh");
        var build = await CommandLine.TryRunAsync(script, []);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({build.ExitCode}):\n{build.StandardOutput}\n{build.StandardError}");
        }

        return (await CommandLine.RunAsync(script, ["--print-archive"])).Trim();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "UnpackBench.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no UnpackBench.sln above {AppContext.BaseDirectory}: the project's image is built from the repository the tests run in");
    }
}
