using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Images.Archive;

/// <summary>
/// Reads an image from an archive file for air-gapped use (<c>--archive PATH</c>): an OCI image layout tar,
/// or a <c>docker save</c> tar in its legacy form or the Docker 25+ form that also holds an OCI layout —
/// any of them optionally gzip-compressed as a whole. <see cref="ResolveAsync"/> opens and indexes the
/// archive in one pass (decompressing it first into the scratch directory if needed); documents and
/// blobs are then read from their offsets in the tar. Call <see cref="ResolveAsync"/> first.
/// </summary>
internal sealed class ArchiveImageSource : IImageSource
{
    private const long MaxIndexDocumentBytes = 8 * 1024 * 1024;
    private static readonly HashSet<string> IndexedDocuments = [OciLayoutReader.IndexFile, DockerSaveReader.ManifestFile];

    private readonly string _path;
    private readonly Platform _platform;
    private readonly string _scratchDirectory;
    private TarArchiveFile? _file;
    private ArchiveBlobReader? _blobs;
    private ArchiveImage? _image;

    /// <summary>
    /// Creates the source for the archive at <paramref name="path"/>; <paramref name="platform"/> is the
    /// platform to be benchmarked, and a compressed archive is decompressed into <paramref name="scratchDirectory"/>.
    /// </summary>
    public ArchiveImageSource(string path, Platform platform, string scratchDirectory)
    {
        _path = path;
        _platform = platform;
        _scratchDirectory = scratchDirectory;
    }

    /// <inheritdoc />
    public string DisplayName => Path.GetFileName(_path);

    /// <inheritdoc />
    public string Kind => "archive";

    /// <inheritdoc />
    /// <remarks>
    /// The returned document may be synthesised (see <see cref="OciLayoutReader"/> and <see cref="DockerSaveReader"/>):
    /// its digest is then the sha256 of the returned bytes, not of a blob stored in the archive.
    /// </remarks>
    public async Task<(ContentDescriptor Descriptor, byte[] Content)> ResolveAsync(CancellationToken cancellationToken)
    {
        if (_image is null)
        {
            _file ??= await TarArchiveFile.OpenAsync(_path, _scratchDirectory, cancellationToken);
            var index = await TarIndex.BuildAsync(_file, IndexedDocuments, MaxIndexDocumentBytes, cancellationToken);
            _blobs = new ArchiveBlobReader(index, _path);
            _image = index.Document(OciLayoutReader.IndexFile) is not null
                ? await OciLayoutReader.ReadAsync(_blobs, _path, _platform, cancellationToken)
                : index.Document(DockerSaveReader.ManifestFile) is not null
                    ? await DockerSaveReader.ReadAsync(_blobs, _path, cancellationToken)
                    : throw new ImageSourceException(
                        $"archive '{_path}' is {(index.FileCount == 0 ? "an empty tar archive" : $"a tar archive of {index.FileCount} files")} but not an image: it holds neither index.json (OCI layout) nor manifest.json (docker save)",
                        ImageSourceFailure.Invalid);
        }

        return (_image.Descriptor, _image.Content);
    }

    /// <inheritdoc />
    public Task<byte[]> ReadDocumentAsync(ContentDescriptor descriptor, long maxBytes, CancellationToken cancellationToken)
    {
        var (blobs, image) = Resolved();
        if (descriptor.Digest == image.Descriptor.Digest)
        {
            DocumentVerifier.Verify(descriptor, image.Content, $"archive '{_path}'");
            return Task.FromResult(image.Content);
        }

        var role = DocumentVerifier.DescribeKind(descriptor.MediaType);
        return blobs.ReadDocumentAsync(descriptor, image.EntryNameFor(descriptor.Digest), role, maxBytes, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Stream> OpenBlobAsync(ContentDescriptor descriptor, CancellationToken cancellationToken)
    {
        var (blobs, image) = Resolved();
        var entry = blobs.Locate(descriptor, image.EntryNameFor(descriptor.Digest), DocumentVerifier.DescribeKind(descriptor.MediaType));
        return Task.FromResult<Stream>(blobs.Index.Open(entry));
    }

    /// <inheritdoc />
    /// <remarks>Deletes the decompressed copy of a compressed archive.</remarks>
    public ValueTask DisposeAsync()
    {
        _file?.Dispose();
        return ValueTask.CompletedTask;
    }

    private (ArchiveBlobReader Blobs, ArchiveImage Image) Resolved() =>
        _blobs is not null && _image is not null
            ? (_blobs, _image)
            : throw new InvalidOperationException("ResolveAsync must complete before documents or blobs are read from an archive");
}
