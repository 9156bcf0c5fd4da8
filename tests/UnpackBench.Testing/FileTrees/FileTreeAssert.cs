using Xunit;

namespace UnpackBench.Testing.FileTrees;

/// <summary>xunit assertion over <see cref="FileTreeComparison"/>: fails listing every difference.</summary>
public static class FileTreeAssert
{
    private const int MaxListed = 50;

    /// <summary>Fails unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    public static void Equal(FileTree expected, FileTree actual)
    {
        var differences = FileTreeComparison.Compare(expected, actual);
        if (differences.Count == 0)
        {
            return;
        }

        var listed = differences.Take(MaxListed).Select(difference => "  " + difference);
        var more = differences.Count > MaxListed ? $"\n  … and {differences.Count - MaxListed} more" : string.Empty;
        Assert.Fail($"The file tree differs from the expected one in {differences.Count} way(s):\n{string.Join('\n', listed)}{more}");
    }
}
