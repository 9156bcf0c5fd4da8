using System.Formats.Tar;

namespace UnpackBench.Testing.Images;

/// <summary>
/// Collects the entries of one layer and writes them, in the order added, as a deterministic tar
/// (fixed modification time, uid/gid 0 unless given, empty user/group names) into a <see cref="BlobStore"/>.
/// File content streams from <see cref="FileContent"/>, so large layers never sit in memory.
/// </summary>
/// <remarks>
/// GNU headers (the default) give byte-identical layers in every run. PAX headers are also available, but .NET
/// names each PAX extended header <c>PaxHeaders.&lt;process id&gt;</c>, so PAX layers repeat only within one process.
/// </remarks>
public sealed class LayerBuilder
{
    private readonly List<(LayerEntry Entry, FileContent? Content)> _entries = [];
    private readonly TarEntryFormat _format;

    /// <summary>Writes GNU (the default) or PAX tar headers.</summary>
    public LayerBuilder(TarEntryFormat format = TarEntryFormat.Gnu)
    {
        if (format is not (TarEntryFormat.Pax or TarEntryFormat.Gnu))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Layers are written as PAX or GNU tar.");
        }

        _format = format;
    }

    /// <summary>The modification time of every entry: 2000-01-01T00:00:00Z.</summary>
    public static DateTimeOffset ModificationTime { get; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The entries added so far (content digests are filled in by <see cref="Build(BlobStore, LayerCompression)"/>).</summary>
    public IReadOnlyList<LayerEntry> Entries => _entries.ConvertAll(pair => pair.Entry);

    public LayerBuilder Directory(string path, UnixFileMode mode = UnixModes.Directory, int uid = 0, int gid = 0) =>
        Add(new LayerEntry(LayerPath.Normalize(path), LayerEntryKind.Directory, mode, uid, gid), null);

    public LayerBuilder File(string path, FileContent content, UnixFileMode mode = UnixModes.File, int uid = 0, int gid = 0) =>
        Add(new LayerEntry(LayerPath.Normalize(path), LayerEntryKind.File, mode, uid, gid, content.Size), content);

    public LayerBuilder File(string path, string text, UnixFileMode mode = UnixModes.File, int uid = 0, int gid = 0) =>
        File(path, FileContent.FromText(text), mode, uid, gid);

    /// <summary>A symlink at <paramref name="path"/> pointing to <paramref name="target"/> (relative or absolute, stored as given).</summary>
    public LayerBuilder Symlink(string path, string target, int uid = 0, int gid = 0) =>
        Add(new LayerEntry(LayerPath.Normalize(path), LayerEntryKind.Symlink, UnixModes.Symlink, uid, gid, LinkTarget: target), null);

    /// <summary>A hard link at <paramref name="path"/> to <paramref name="target"/>, which must be an earlier entry of this layer.</summary>
    public LayerBuilder Hardlink(string path, string target)
    {
        var normalizedTarget = LayerPath.Normalize(target);
        var existing = _entries.FindLast(pair => pair.Entry.Path == normalizedTarget).Entry
            ?? throw new ArgumentException(
                $"hard link {path} -> {target}: the target must be added to this layer before the link.", nameof(target));
        if (existing.Kind == LayerEntryKind.Directory)
        {
            throw new ArgumentException($"hard link {path} -> {target}: directories cannot be hard-linked.", nameof(target));
        }

        return Add(new LayerEntry(LayerPath.Normalize(path), LayerEntryKind.Hardlink, existing.Mode, existing.Uid, existing.Gid, LinkTarget: normalizedTarget), null);
    }

    /// <summary>A whiteout (<c>.wh.&lt;name&gt;</c>) that deletes <paramref name="path"/> from the layers below.</summary>
    public LayerBuilder Whiteout(string path)
    {
        var normalized = LayerPath.Normalize(path);
        var name = normalized[(normalized.LastIndexOf('/') + 1)..];
        var marker = LayerPath.Join(LayerPath.ParentOf(normalized), LayerEntry.WhiteoutPrefix + name);
        return Add(new LayerEntry(marker, LayerEntryKind.File, UnixModes.File, 0, 0), FileContent.FromBytes([]));
    }

    /// <summary>An opaque whiteout (<c>.wh..wh..opq</c>) hiding everything the layers below have in <paramref name="directory"/>.</summary>
    public LayerBuilder OpaqueWhiteout(string directory)
    {
        var marker = LayerPath.Join(LayerPath.Normalize(directory), LayerEntry.OpaqueWhiteoutName);
        return Add(new LayerEntry(marker, LayerEntryKind.File, UnixModes.File, 0, 0), FileContent.FromBytes([]));
    }

    /// <summary>Writes the layer into <paramref name="layout"/>'s blob store.</summary>
    public BuiltLayer Build(OciLayout layout, LayerCompression compression = LayerCompression.Gzip) => Build(layout.Blobs, compression);

    /// <summary>
    /// Writes the tar, compressed as asked, to <paramref name="blobs"/> and returns digests, sizes and the
    /// entries with their content digests.
    /// </summary>
    public BuiltLayer Build(BlobStore blobs, LayerCompression compression = LayerCompression.Gzip)
    {
        using var blob = blobs.BeginWrite();
        var written = new List<LayerEntry>(_entries.Count);
        string diffId;
        long uncompressedSize;
        using (var uncompressed = new DigestingStream(LayerCompressionStreams.Compress(blob.Stream, compression)))
        {
            using (var tar = new TarWriter(uncompressed, _format, leaveOpen: true))
            {
                foreach (var (entry, content) in _entries)
                {
                    written.Add(WriteEntry(tar, entry, content));
                }
            }

            diffId = uncompressed.Digest();
            uncompressedSize = uncompressed.BytesWritten;
        }

        var descriptor = blob.Commit(MediaTypes.Layer(ImageFormat.Oci, compression));
        return new BuiltLayer(descriptor.Digest, descriptor.Size, diffId, uncompressedSize, compression, written, blobs.PathOf(descriptor.Digest));
    }

    private LayerBuilder Add(LayerEntry entry, FileContent? content)
    {
        _entries.Add((entry, content));
        return this;
    }

    private LayerEntry WriteEntry(TarWriter tar, LayerEntry entry, FileContent? content)
    {
        var (type, name) = entry.Kind switch
        {
            LayerEntryKind.Directory => (TarEntryType.Directory, entry.Path + "/"),
            LayerEntryKind.File => (TarEntryType.RegularFile, entry.Path),
            LayerEntryKind.Symlink => (TarEntryType.SymbolicLink, entry.Path),
            LayerEntryKind.Hardlink => (TarEntryType.HardLink, entry.Path),
            _ => throw new NotSupportedException($"{entry.Path}: the builder does not write {entry.Kind} entries."),
        };
        TarEntry tarEntry = _format == TarEntryFormat.Pax ? new PaxTarEntry(type, name) : new GnuTarEntry(type, name);
        tarEntry.ModificationTime = ModificationTime;
        tarEntry.Mode = entry.Mode;
        tarEntry.Uid = entry.Uid;
        tarEntry.Gid = entry.Gid;
        if (tarEntry is GnuTarEntry gnu)
        {
            gnu.AccessTime = ModificationTime;
            gnu.ChangeTime = ModificationTime;
        }

        if (entry.LinkTarget is not null)
        {
            tarEntry.LinkName = entry.LinkTarget;
        }

        if (content is null)
        {
            tar.WriteEntry(tarEntry);
            return entry;
        }

        using var data = new HashingReadStream(content.Open());
        tarEntry.DataStream = data;
        tar.WriteEntry(tarEntry);
        return entry with { ContentDigest = data.Digest() };
    }
}
