namespace UnpackBench.Testing.Tests;

public sealed class PrerequisitesTests
{
    [Fact]
    public void Missing_executable_fails_with_what_is_missing_and_how_to_install_it()
    {
        var error = Assert.Throws<MissingPrerequisiteException>(
            () => Prerequisites.RequireExecutable("unpackbench-no-such-tool", "apt-get install -y unpackbench-no-such-tool"));

        Assert.Contains("'unpackbench-no-such-tool' was not found on PATH", error.Message, StringComparison.Ordinal);
        Assert.Contains("Install it with: apt-get install -y unpackbench-no-such-tool", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Present_executable_resolves_to_its_full_path()
    {
        var path = Prerequisites.RequireExecutable("tar", "apt-get install -y tar");

        Assert.True(Path.IsPathRooted(path));
        Assert.EndsWith("/tar", path, StringComparison.Ordinal);
    }

    [Fact]
    public void Temp_directory_and_its_contents_are_deleted_on_dispose()
    {
        string path;
        using (var temp = new TempDirectory("self-test"))
        {
            path = temp.Path;
            File.WriteAllText(Path.Combine(temp.CreateSubdirectory("a/b"), "f"), "x");
            Assert.StartsWith(Path.GetTempPath(), path, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public async Task Eventually_times_out_naming_what_it_waited_for()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => Eventually.TrueAsync(_ => Task.FromResult(false), TimeSpan.FromMilliseconds(50), "the impossible"));

        Assert.Contains("waiting for the impossible", error.Message, StringComparison.Ordinal);
    }
}
