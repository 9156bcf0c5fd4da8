namespace UnpackBench.Testing.FileTrees;

/// <summary>
/// A filesystem below a root, as paths (relative, '/'-separated, root excluded) to entries, plus which paths are
/// hard links to the same file. Produced from layers by <see cref="ExpectedTree"/> and from a directory on disk by
/// <see cref="FileTreeReader"/>, and compared by <see cref="FileTreeComparison"/>.
/// </summary>
public sealed class FileTree
{
    public FileTree(IEnumerable<FileTreeEntry> entries, IEnumerable<IEnumerable<string>> hardlinkGroups)
    {
        var sorted = new SortedDictionary<string, FileTreeEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            sorted.Add(entry.Path, entry);
        }

        Entries = sorted;
        HardlinkGroups = [.. hardlinkGroups
            .Select(group => (IReadOnlyList<string>)[.. group.Order(StringComparer.Ordinal)])
            .Where(group => group.Count > 1)
            .OrderBy(group => group[0], StringComparer.Ordinal)];
    }

    /// <summary>Every path below the root, in ordinal order.</summary>
    public IReadOnlyDictionary<string, FileTreeEntry> Entries { get; }

    /// <summary>Sets of two or more paths that are the same file (same inode); each sorted, ordered by first path.</summary>
    public IReadOnlyList<IReadOnlyList<string>> HardlinkGroups { get; }

    /// <summary>The entry at <paramref name="path"/>, or null.</summary>
    public FileTreeEntry? this[string path] => Entries.GetValueOrDefault(path);

    /// <summary>Every path and its description, one per line, for failure messages and debugging.</summary>
    public string Describe() => string.Join('\n', Entries.Values.Select(entry => $"{entry.Path}: {entry.Describe()}")
        .Concat(HardlinkGroups.Select(group => $"hard links: {string.Join(", ", group)}")));

    public override string ToString() => $"FileTree({Entries.Count} paths, {HardlinkGroups.Count} hard-link groups)";
}
