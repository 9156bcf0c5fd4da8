using UnpackBench.Testing.Images;

namespace UnpackBench.Testing.FileTrees;

/// <summary>
/// Applies layers in order with OCI whiteout semantics to give the filesystem an unpacked image must show:
/// within each layer, opaque whiteouts first hide everything the lower layers have in their directory, whiteouts
/// delete their target (and what is below it) from the lower layers, then entries are applied in tar order.
/// A new entry replaces what was at its path (a directory replaced by a non-directory loses its contents; a directory
/// over a directory only takes the new mode and owner). Parents a layer leaves implicit are created as 0755 root
/// directories unless they exist. Hard links share one file, so they keep sharing mode and content.
/// </summary>
public static class ExpectedTree
{
    /// <summary>The merged filesystem of <paramref name="layers"/>, bottom first.</summary>
    public static FileTree FromLayers(IEnumerable<BuiltLayer> layers) => FromEntries(layers.Select(layer => layer.Entries));

    /// <summary>The merged filesystem of layers given as their tar entries, bottom first.</summary>
    public static FileTree FromEntries(IEnumerable<IReadOnlyList<LayerEntry>> layers)
    {
        var paths = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            Apply(paths, layer);
        }

        var entries = paths.Select(pair => pair.Value.ToEntry(pair.Key));
        var groups = paths.Where(pair => pair.Value.Kind != FileKind.Directory)
            .GroupBy(pair => pair.Value, pair => pair.Key)
            .Where(group => group.Count() > 1);
        return new FileTree(entries, groups);
    }

    private static void Apply(Dictionary<string, Node> paths, IReadOnlyList<LayerEntry> layer)
    {
        foreach (var opaque in layer.Where(entry => entry.IsOpaqueWhiteout))
        {
            RemoveBelow(paths, opaque.Parent);
            EnsureDirectory(paths, opaque.Parent);
        }

        foreach (var whiteout in layer.Where(entry => entry.IsWhiteout))
        {
            RemoveTree(paths, whiteout.WhiteoutTarget);
            EnsureDirectory(paths, whiteout.Parent);
        }

        foreach (var entry in layer.Where(entry => !entry.IsWhiteout && !entry.IsOpaqueWhiteout))
        {
            EnsureDirectory(paths, entry.Parent);
            ApplyEntry(paths, entry);
        }
    }

    private static void ApplyEntry(Dictionary<string, Node> paths, LayerEntry entry)
    {
        if (entry.Kind == LayerEntryKind.Directory && paths.TryGetValue(entry.Path, out var existing) && existing.Kind == FileKind.Directory)
        {
            existing.Mode = entry.Mode;
            existing.Uid = entry.Uid;
            existing.Gid = entry.Gid;
            return;
        }

        var node = entry.Kind switch
        {
            LayerEntryKind.Directory => new Node(FileKind.Directory, entry.Mode, entry.Uid, entry.Gid),
            LayerEntryKind.File => new Node(FileKind.File, entry.Mode, entry.Uid, entry.Gid)
            {
                Size = entry.Size,
                ContentDigest = entry.ContentDigest,
            },
            LayerEntryKind.Symlink => new Node(FileKind.Symlink, UnixModes.Symlink, entry.Uid, entry.Gid) { LinkTarget = entry.LinkTarget },
            LayerEntryKind.Hardlink => paths.GetValueOrDefault(entry.LinkTarget!) is { Kind: not FileKind.Directory } target
                ? target
                : throw new InvalidDataException($"hard link {entry.Path} -> {entry.LinkTarget}: the target is not a file present at that point."),
            _ => new Node(FileKind.Other, entry.Mode, entry.Uid, entry.Gid),
        };
        if (!ReferenceEquals(paths.GetValueOrDefault(entry.Path), node))
        {
            RemoveTree(paths, entry.Path);
        }

        paths[entry.Path] = node;
    }

    private static void EnsureDirectory(Dictionary<string, Node> paths, string directory)
    {
        if (directory.Length == 0)
        {
            return;
        }

        foreach (var path in LayerPath.AncestorsOf(directory).Append(directory))
        {
            if (paths.GetValueOrDefault(path) is not { Kind: FileKind.Directory })
            {
                RemoveTree(paths, path);
                paths[path] = new Node(FileKind.Directory, UnixModes.Directory, 0, 0);
            }
        }
    }

    private static void RemoveTree(Dictionary<string, Node> paths, string path)
    {
        paths.Remove(path);
        RemoveBelow(paths, path);
    }

    private static void RemoveBelow(Dictionary<string, Node> paths, string directory)
    {
        foreach (var path in paths.Keys.Where(path => directory.Length == 0 || LayerPath.IsBelow(path, directory)).ToList())
        {
            paths.Remove(path);
        }
    }

    /// <summary>A file, directory or link; hard-linked paths share one node.</summary>
    private sealed class Node(FileKind kind, UnixFileMode mode, int uid, int gid)
    {
        public FileKind Kind { get; } = kind;

        public UnixFileMode Mode { get; set; } = mode;

        public int Uid { get; set; } = uid;

        public int Gid { get; set; } = gid;

        public long Size { get; init; }

        public string? ContentDigest { get; init; }

        public string? LinkTarget { get; init; }

        public FileTreeEntry ToEntry(string path) => new(path, Kind, Mode, Uid, Gid, Size, ContentDigest, LinkTarget);
    }
}
