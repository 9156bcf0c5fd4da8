using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Images.Archive;

/// <summary>
/// Finds an image's blobs in an indexed archive and reads the small ones, checking that each is present,
/// of the size its descriptor says, and (when read completely) of the right digest. A blob that is missing
/// or the wrong size means the archive is truncated or was exported incompletely, and the messages say so.
/// </summary>
internal sealed class ArchiveBlobReader
{
    private readonly TarIndex _index;
    private readonly string _archiveName;

    /// <summary>Creates the reader over <paramref name="index"/> of the archive called <paramref name="archiveName"/>.</summary>
    public ArchiveBlobReader(TarIndex index, string archiveName)
    {
        _index = index;
        _archiveName = archiveName;
    }

    /// <summary>The index this reader reads from.</summary>
    public TarIndex Index => _index;

    /// <summary>
    /// The location of <paramref name="descriptor"/>'s blob, stored as entry <paramref name="entryName"/>;
    /// <paramref name="role"/> says what it is for messages (<c>layer 2</c>, <c>the config</c>).
    /// </summary>
    /// <exception cref="ImageSourceException">The entry is missing or has another size.</exception>
    public TarEntryLocation Locate(ContentDescriptor descriptor, string entryName, string role)
    {
        var entry = _index.Find(entryName) ?? throw new ImageSourceException(
            $"archive '{_archiveName}' is incomplete: it has no '{entryName}', which holds {role} ({descriptor.Digest}); " +
            "the file is truncated or was exported without it",
            ImageSourceFailure.Invalid);
        return entry.Size == descriptor.Size
            ? entry
            : throw new ImageSourceException(
                $"archive '{_archiveName}' is corrupt: '{entryName}' ({role}, {descriptor.Digest}) is {entry.Size} bytes, but its descriptor says {descriptor.Size}",
                ImageSourceFailure.Invalid);
    }

    /// <summary>Reads a document blob completely, refusing one over <paramref name="maxBytes"/>, and verifies its digest.</summary>
    /// <exception cref="ImageSourceException">The blob is missing, too large, or not the bytes its digest names.</exception>
    public async Task<byte[]> ReadDocumentAsync(ContentDescriptor descriptor, string entryName, string role, long maxBytes, CancellationToken cancellationToken)
    {
        if (descriptor.Size > maxBytes)
        {
            throw new ImageSourceException(
                $"{role} ({descriptor.Digest}) in archive '{_archiveName}' is {descriptor.Size} bytes, more than the {maxBytes} a document may have",
                ImageSourceFailure.Invalid);
        }

        var content = await _index.ReadAllAsync(Locate(descriptor, entryName, role), cancellationToken);
        DocumentVerifier.Verify(descriptor, content, $"archive '{_archiveName}'");
        return content;
    }
}
