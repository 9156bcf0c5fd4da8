using System.Formats.Tar;

namespace UnpackBench.Agent.Images.Archive;

/// <summary>
/// The entries of an uncompressed tar, found in one pass: each regular file's name, data offset and
/// size (from <see cref="TarEntry.DataOffset"/>; the reader's position after <see cref="TarReader.GetNextEntry"/>
/// is already past the data), and links resolved to their targets. Only the few small documents asked
/// for are read into memory; everything else is read later, by offset, through <see cref="TarEntrySlice"/>.
/// </summary>
internal sealed class TarIndex
{
    private const int MaxLinkHops = 16;

    private readonly TarArchiveFile _archive;
    private readonly Dictionary<string, TarEntryLocation> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _documents = new(StringComparer.Ordinal);

    private TarIndex(TarArchiveFile archive) => _archive = archive;

    /// <summary>How many regular files the archive holds.</summary>
    public int FileCount => _files.Count;

    /// <summary>
    /// Indexes <paramref name="archive"/>, keeping the bytes of the entries named in <paramref name="documents"/>
    /// (each at most <paramref name="maxDocumentBytes"/>).
    /// </summary>
    /// <exception cref="ImageSourceException">The file is not a tar, is truncated, or a document is too large.</exception>
    public static async Task<TarIndex> BuildAsync(TarArchiveFile archive, IReadOnlySet<string> documents, long maxDocumentBytes, CancellationToken cancellationToken)
    {
        var index = new TarIndex(archive);
        archive.Stream.Position = 0;
        await using var reader = new TarReader(archive.Stream, leaveOpen: true);
        string? previous = null;
        while (true)
        {
            TarEntry? entry;
            try
            {
                entry = await reader.GetNextEntryAsync(copyData: false, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw await index.ReadFailureAsync(e, previous, cancellationToken);
            }

            if (entry is null)
            {
                // TarReader takes a header with a blank checksum for the end marker, so text padded with
                // spaces reads as an empty tar; a real empty tar is all zeros.
                return previous is null && !await index.StartsWithZeroBlockAsync(cancellationToken)
                    ? throw await index.ReadFailureAsync(new InvalidDataException("no tar header"), null, cancellationToken)
                    : index;
            }

            previous = TarEntryName.Normalise(entry.Name);
            await index.AddAsync(entry, previous, documents, maxDocumentBytes, cancellationToken);
        }
    }

    /// <summary>The regular file called <paramref name="name"/>, following symbolic and hard links; null when absent.</summary>
    public TarEntryLocation? Find(string name)
    {
        name = TarEntryName.Normalise(name);
        for (var hop = 0; hop <= MaxLinkHops; hop++)
        {
            if (_files.TryGetValue(name, out var file))
            {
                return file;
            }

            if (!_links.TryGetValue(name, out var target))
            {
                return null;
            }

            name = target;
        }

        return null;
    }

    /// <summary>The bytes of a document read during indexing, or null when the archive has no such entry.</summary>
    public byte[]? Document(string name) => _documents.GetValueOrDefault(TarEntryName.Normalise(name));

    /// <summary>A stream over <paramref name="entry"/>'s bytes.</summary>
    public TarEntrySlice Open(TarEntryLocation entry) => new(_archive.Stream.SafeFileHandle, entry, _archive.Name);

    /// <summary>Reads <paramref name="entry"/> completely; the caller has checked that its size is reasonable.</summary>
    public async Task<byte[]> ReadAllAsync(TarEntryLocation entry, CancellationToken cancellationToken)
    {
        var content = new byte[entry.Size];
        await using var slice = Open(entry);
        await slice.ReadExactlyAsync(content, cancellationToken);
        return content;
    }

    private async Task AddAsync(TarEntry entry, string name, IReadOnlySet<string> documents, long maxDocumentBytes, CancellationToken cancellationToken)
    {
        switch (entry.EntryType)
        {
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                if (entry.DataOffset < 0 || entry.DataOffset + entry.Length > _archive.Stream.Length)
                {
                    throw new ImageSourceException(
                        $"archive '{_archive.Name}' is truncated: it ends inside '{name}' (was the copy or download complete?)",
                        ImageSourceFailure.Invalid);
                }

                _files[name] = new TarEntryLocation(name, entry.DataOffset, entry.Length);
                _links.Remove(name);
                if (documents.Contains(name))
                {
                    _documents[name] = await ReadDocumentAsync(entry, name, maxDocumentBytes, cancellationToken);
                }

                break;
            case TarEntryType.SymbolicLink:
                _links[name] = TarEntryName.ResolveLink(name, entry.LinkName);
                _files.Remove(name);
                break;
            case TarEntryType.HardLink:
                _links[name] = TarEntryName.Normalise(entry.LinkName);
                _files.Remove(name);
                break;
        }
    }

    private async Task<byte[]> ReadDocumentAsync(TarEntry entry, string name, long maxDocumentBytes, CancellationToken cancellationToken)
    {
        if (entry.Length > maxDocumentBytes)
        {
            throw new ImageSourceException(
                $"'{name}' in archive '{_archive.Name}' is {entry.Length} bytes; an image archive's {name} should be a few kilobytes",
                ImageSourceFailure.Invalid);
        }

        var content = new byte[entry.Length];
        if (entry.DataStream is { } data)
        {
            await data.ReadExactlyAsync(content, cancellationToken);
        }

        return content;
    }

    private async Task<ImageSourceException> ReadFailureAsync(Exception e, string? previous, CancellationToken cancellationToken)
    {
        if (previous is null && (e is EndOfStreamException || e is not IOException))
        {
            var head = new byte[FileSignature.HeadLength];
            var length = await RandomAccess.ReadAsync(_archive.Stream.SafeFileHandle, head, 0, cancellationToken);
            var looksLike = FileSignature.Describe(head.AsSpan(0, length));
            var what = _archive.Compression is null ? $"'{_archive.Name}' is" : $"'{_archive.Name}' is {_archive.Compression}-compressed, but what it holds is";
            return new ImageSourceException($"{what} not a tar archive (the first bytes look like {looksLike})", ImageSourceFailure.Invalid, e);
        }

        var after = previous is null ? "at its start" : $"after entry '{previous}'";
        return e switch
        {
            EndOfStreamException => new($"archive '{_archive.Name}' is truncated: it ends in the middle of an entry {after} (was the copy or download complete?)", ImageSourceFailure.Invalid, e),
            IOException => new($"archive '{_archive.Name}' cannot be read: {e.Message}", ImageSourceFailure.Unreachable, e),
            _ => new($"archive '{_archive.Name}' is corrupt {after}: {e.Message}", ImageSourceFailure.Invalid, e),
        };
    }

    private async Task<bool> StartsWithZeroBlockAsync(CancellationToken cancellationToken)
    {
        var block = new byte[512];
        var length = await RandomAccess.ReadAsync(_archive.Stream.SafeFileHandle, block, 0, cancellationToken);
        return !block.AsSpan(0, length).ContainsAnyExcept((byte)0);
    }
}
