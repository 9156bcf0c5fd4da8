using Microsoft.Win32.SafeHandles;

namespace UnpackBench.Agent.Images.Archive;

/// <summary>
/// A read-only, seekable stream over one entry's bytes in a tar file, read at absolute offsets so any
/// number of slices can be read at once without sharing a file position. It ends exactly at the
/// entry's end; a file that ends sooner (it was truncated after indexing) fails the read.
/// </summary>
internal sealed class TarEntrySlice : Stream
{
    private readonly SafeFileHandle _file;
    private readonly TarEntryLocation _entry;
    private readonly string _archiveName;
    private long _position;

    /// <summary>Creates the slice of <paramref name="entry"/> in the open tar <paramref name="file"/>.</summary>
    public TarEntrySlice(SafeFileHandle file, TarEntryLocation entry, string archiveName)
    {
        _file = file;
        _entry = entry;
        _archiveName = archiveName;
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => true;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => _entry.Size;

    /// <inheritdoc />
    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "a position cannot be negative");
    }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var count = Available(buffer.Length);
        return count == 0 ? 0 : Advance(RandomAccess.Read(_file, buffer[..count], _entry.Offset + _position));
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = Available(buffer.Length);
        return count == 0 ? 0 : Advance(await RandomAccess.ReadAsync(_file, buffer[..count], _entry.Offset + _position, cancellationToken));
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        SeekOrigin.End => _entry.Size + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Available(int wanted) => (int)Math.Clamp(_entry.Size - _position, 0, wanted);

    private int Advance(int read)
    {
        if (read == 0)
        {
            throw new ImageSourceException(
                $"archive '{_archiveName}' is truncated: it ends inside '{_entry.Name}', {_entry.Size - _position} bytes short",
                ImageSourceFailure.Invalid);
        }

        _position += read;
        return read;
    }
}
