namespace UnpackBench.Testing.Images;

/// <summary>
/// A blob being written to a <see cref="BlobStore"/>: bytes go through <see cref="Stream"/> into a temporary file
/// and are hashed on the way; <see cref="Commit"/> moves the file to its digest path. Disposing without
/// committing deletes the temporary file.
/// </summary>
public sealed class PendingBlob : IDisposable
{
    private readonly BlobStore _store;
    private readonly string _temporaryPath;
    private readonly DigestingStream _stream;
    private bool _finished;

    internal PendingBlob(BlobStore store, string temporaryPath)
    {
        _store = store;
        _temporaryPath = temporaryPath;
        _stream = new DigestingStream(new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
    }

    /// <summary>Write the blob's bytes here. Do not dispose it; <see cref="Commit"/> does.</summary>
    public Stream Stream => _stream;

    /// <summary>Closes the file, moves it to <c>blobs/sha256/&lt;hex&gt;</c> and returns its descriptor.</summary>
    public Descriptor Commit(string mediaType)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        var digest = _stream.Digest();
        var size = _stream.BytesWritten;
        _stream.Dispose();
        _finished = true;

        var destination = _store.PathOf(digest);
        if (File.Exists(destination))
        {
            File.Delete(_temporaryPath);
        }
        else
        {
            File.Move(_temporaryPath, destination);
        }

        return new Descriptor(mediaType, digest, size);
    }

    public void Dispose()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        _stream.Dispose();
        File.Delete(_temporaryPath);
    }
}
