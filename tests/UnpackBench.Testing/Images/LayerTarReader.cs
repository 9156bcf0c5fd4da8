using System.Formats.Tar;

namespace UnpackBench.Testing.Images;

/// <summary>Reads any layer tar back into <see cref="LayerEntry"/> records, hashing file content.</summary>
public static class LayerTarReader
{
    /// <summary>The entries of the uncompressed tar in <paramref name="tar"/>, in archive order.</summary>
    public static IReadOnlyList<LayerEntry> ReadEntries(Stream tar)
    {
        var entries = new List<LayerEntry>();
        using var reader = new TarReader(tar, leaveOpen: true);
        while (reader.GetNextEntry(copyData: false) is { } entry)
        {
            if (LayerPath.IsRoot(entry.Name))
            {
                continue;
            }

            var path = LayerPath.Normalize(entry.Name);
            var kind = KindOf(entry.EntryType);
            var mode = kind == LayerEntryKind.Symlink ? UnixModes.Symlink : entry.Mode;
            var digest = entry.DataStream is { } data && kind == LayerEntryKind.File ? ContentDigest.Of(data) : null;
            var size = kind == LayerEntryKind.File ? entry.Length : 0;
            var target = kind switch
            {
                LayerEntryKind.Symlink => entry.LinkName,
                LayerEntryKind.Hardlink => LayerPath.Normalize(entry.LinkName),
                _ => null,
            };
            entries.Add(new LayerEntry(path, kind, mode, entry.Uid, entry.Gid, size, digest ?? EmptyDigestFor(kind, size), target));
        }

        return entries;
    }

    /// <summary>Reads the entries of a layer blob compressed as <paramref name="compression"/> says.</summary>
    public static IReadOnlyList<LayerEntry> ReadEntries(string blobPath, LayerCompression compression)
    {
        using var tar = LayerCompressionStreams.Decompress(File.OpenRead(blobPath), compression);
        return ReadEntries(tar);
    }

    private static string? EmptyDigestFor(LayerEntryKind kind, long size) =>
        kind == LayerEntryKind.File && size == 0 ? ContentDigest.Of([]) : null;

    private static LayerEntryKind KindOf(TarEntryType type) => type switch
    {
        TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => LayerEntryKind.File,
        TarEntryType.Directory => LayerEntryKind.Directory,
        TarEntryType.SymbolicLink => LayerEntryKind.Symlink,
        TarEntryType.HardLink => LayerEntryKind.Hardlink,
        _ => LayerEntryKind.Other,
    };
}
