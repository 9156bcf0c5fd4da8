namespace UnpackBench.Testing.Images;

/// <summary>Paths inside a layer or image filesystem: relative, '/'-separated, no <c>.</c> or <c>..</c> parts.</summary>
public static class LayerPath
{
    /// <summary>
    /// Strips leading <c>/</c> and <c>./</c> and trailing <c>/</c>; rejects empty paths and <c>..</c> parts.
    /// </summary>
    public static string Normalize(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(part => part != ".").ToArray();
        if (parts.Length == 0)
        {
            throw new ArgumentException($"'{path}' names the root; layer entries need a path below it.", nameof(path));
        }

        if (parts.Contains(".."))
        {
            throw new ArgumentException($"'{path}' contains '..'; layer paths must stay inside the root.", nameof(path));
        }

        return string.Join('/', parts);
    }

    /// <summary>True for names of the root itself (<c>./</c>, <c>/</c>), which some tars carry as their first entry.</summary>
    public static bool IsRoot(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries).All(part => part == ".");

    /// <summary>Joins a parent (possibly empty) and a name.</summary>
    public static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}/{name}";

    /// <summary>The parent of <paramref name="path"/>, or the empty string at the top.</summary>
    public static string ParentOf(string path) => path.LastIndexOf('/') is var i and >= 0 ? path[..i] : string.Empty;

    /// <summary>All proper ancestors of <paramref name="path"/>, outermost first (<c>a</c>, <c>a/b</c> for <c>a/b/c</c>).</summary>
    public static IEnumerable<string> AncestorsOf(string path)
    {
        for (var i = path.IndexOf('/', StringComparison.Ordinal); i >= 0; i = path.IndexOf('/', i + 1))
        {
            yield return path[..i];
        }
    }

    /// <summary>True when <paramref name="path"/> lies strictly below <paramref name="directory"/>.</summary>
    public static bool IsBelow(string path, string directory) =>
        path.Length > directory.Length + 1 && path.StartsWith(directory, StringComparison.Ordinal) && path[directory.Length] == '/';
}
