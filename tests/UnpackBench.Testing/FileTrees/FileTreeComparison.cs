namespace UnpackBench.Testing.FileTrees;

/// <summary>
/// Lists, one readable line each, how an actual tree differs from an expected one: missing and extra paths,
/// kind, mode, owner, content and symlink-target mismatches, and hard-link groups that differ.
/// </summary>
public static class FileTreeComparison
{
    /// <summary>The differences; empty when the trees are equal.</summary>
    public static IReadOnlyList<string> Compare(FileTree expected, FileTree actual)
    {
        var differences = new List<string>();
        foreach (var (path, want) in expected.Entries)
        {
            if (actual[path] is not { } have)
            {
                differences.Add($"missing: {path} (expected {want.Describe()})");
                continue;
            }

            differences.AddRange(CompareEntry(path, want, have));
        }

        differences.AddRange(actual.Entries.Keys
            .Where(path => expected[path] is null)
            .Select(path => $"extra: {path} ({actual.Entries[path].Describe()})"));
        differences.AddRange(CompareHardlinks(expected, actual));
        return differences;
    }

    private static IEnumerable<string> CompareEntry(string path, FileTreeEntry want, FileTreeEntry have)
    {
        if (want.Kind != have.Kind)
        {
            yield return $"kind differs at {path}: expected {want.Describe()}, actual {have.Describe()}";
            yield break;
        }

        if (want.Mode != have.Mode)
        {
            yield return $"mode differs at {path}: expected {Images.UnixModes.ToOctal(want.Mode)}, actual {Images.UnixModes.ToOctal(have.Mode)}";
        }

        if (want.Uid != have.Uid || want.Gid != have.Gid)
        {
            yield return $"owner differs at {path}: expected {want.Uid}:{want.Gid}, actual {have.Uid}:{have.Gid}";
        }

        if (want.Kind == FileKind.File && (want.Size != have.Size || want.ContentDigest != have.ContentDigest))
        {
            yield return $"content differs at {path}: expected {want.Size} bytes {want.ContentDigest}, actual {have.Size} bytes {have.ContentDigest}";
        }

        if (want.Kind == FileKind.Symlink && want.LinkTarget != have.LinkTarget)
        {
            yield return $"symlink target differs at {path}: expected '{want.LinkTarget}', actual '{have.LinkTarget}'";
        }
    }

    private static IEnumerable<string> CompareHardlinks(FileTree expected, FileTree actual)
    {
        var wantGroups = GroupOfEachPath(expected);
        var haveGroups = GroupOfEachPath(actual);
        var explained = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in expected.HardlinkGroups)
        {
            var want = string.Join(", ", group);
            var have = group.Select(path => haveGroups.GetValueOrDefault(path, path)).Distinct().ToList();
            if (have is [var same] && same == want)
            {
                continue;
            }

            explained.UnionWith(have);
            yield return $"hard links differ at {group[0]}: expected [{want}] to be one file, actual {string.Join(" and ", have.Select(g => $"[{g}]"))}";
        }

        foreach (var group in actual.HardlinkGroups)
        {
            var have = string.Join(", ", group);
            if (wantGroups.GetValueOrDefault(group[0]) != have && explained.Add(have))
            {
                yield return $"hard links differ at {group[0]}: expected separate files, actual [{have}] are one file";
            }
        }
    }

    private static Dictionary<string, string> GroupOfEachPath(FileTree tree) =>
        tree.HardlinkGroups
            .SelectMany(group => group.Select(path => (Path: path, Group: string.Join(", ", group))))
            .ToDictionary(pair => pair.Path, pair => pair.Group, StringComparer.Ordinal);
}
