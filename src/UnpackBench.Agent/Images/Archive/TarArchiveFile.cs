using System.IO.Compression;

namespace UnpackBench.Agent.Images.Archive;

/// <summary>
/// An image archive opened as an uncompressed tar on disk. A gzip-compressed archive (recognised by its
/// magic bytes, whatever its name) is decompressed once into a temporary file in the scratch directory,
/// which is deleted when this is disposed, so that entries can be read at their offsets afterwards.
/// </summary>
internal sealed class TarArchiveFile : IDisposable
{
    private TarArchiveFile(string name, FileStream stream, string? compression)
    {
        Name = name;
        Stream = stream;
        Compression = compression;
    }

    /// <summary>The archive's path as the user gave it, for messages.</summary>
    public string Name { get; }

    /// <summary>The uncompressed tar, seekable. Entry data is read through <see cref="FileStream.SafeFileHandle"/> at offsets.</summary>
    public FileStream Stream { get; }

    /// <summary>How the archive was compressed (<c>gzip</c>), or null.</summary>
    public string? Compression { get; }

    /// <summary>
    /// Opens <paramref name="path"/>, decompressing it into <paramref name="scratchDirectory"/> if it is gzip-compressed.
    /// </summary>
    /// <exception cref="ImageSourceException">The file is missing, empty, unreadable or compressed in a way not supported.</exception>
    public static async Task<TarArchiveFile> OpenAsync(string path, string scratchDirectory, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            throw new ImageSourceException($"archive '{path}' is a directory; give the path of a tar file (from 'docker save' or an OCI image layout)", ImageSourceFailure.Unreachable);
        }

        if (!File.Exists(path))
        {
            throw new ImageSourceException($"archive '{path}' does not exist", ImageSourceFailure.Unreachable);
        }

        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageSourceException($"archive '{path}' cannot be opened: {e.Message}", ImageSourceFailure.Unreachable, e);
        }

        try
        {
            var head = new byte[FileSignature.HeadLength];
            var length = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            file.Position = 0;
            var compression = FileSignature.CompressionOf(head.AsSpan(0, length));
            return (length, compression) switch
            {
                (0, _) => throw new ImageSourceException($"archive '{path}' is empty (0 bytes)", ImageSourceFailure.Invalid),
                (_, null) => new TarArchiveFile(path, file, null),
                (_, "gzip") => await DecompressAsync(path, file, scratchDirectory, cancellationToken),
                _ => throw new ImageSourceException(
                    $"archive '{path}' is {compression}-compressed; only plain and gzip-compressed tar archives can be read: decompress it first (e.g. with '{compression} -d')",
                    ImageSourceFailure.Invalid),
            };
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Stream.Dispose();

    private static async Task<TarArchiveFile> DecompressAsync(string path, FileStream compressed, string scratchDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(scratchDirectory);
        var temporary = Path.Combine(scratchDirectory, $"archive-{Guid.NewGuid():N}.tar");
        var decompressed = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            await using (var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: false))
            {
                await gzip.CopyToAsync(decompressed, 1 << 20, cancellationToken);
            }

            await decompressed.FlushAsync(cancellationToken);
            decompressed.Position = 0;
            return new TarArchiveFile(path, decompressed, "gzip");
        }
        catch (InvalidDataException e)
        {
            await decompressed.DisposeAsync();
            throw new ImageSourceException($"archive '{path}' is gzip-compressed but cannot be decompressed ({e.Message}); is the file complete?", ImageSourceFailure.Invalid, e);
        }
        catch (IOException e)
        {
            await decompressed.DisposeAsync();
            throw new ImageSourceException($"cannot decompress archive '{path}' into the scratch directory: {e.Message}", ImageSourceFailure.Unreachable, e);
        }
        catch
        {
            await decompressed.DisposeAsync();
            throw;
        }
    }
}
