using System.Security.Cryptography;

namespace UnpackBench.Testing.Images;

/// <summary>
/// Passes reads through to a seekable inner stream and hashes the bytes read, so a file's content digest
/// is known once the tar writer has copied it. Rewinding to the start restarts the hash.
/// </summary>
internal sealed class HashingReadStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public HashingReadStream(Stream inner) => _inner = inner;

    public override bool CanRead => true;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => Seek(value, SeekOrigin.Begin);
    }

    /// <summary>The digest of the bytes read since the start.</summary>
    public string Digest() => ContentDigest.FromHash(_hash.GetCurrentHash());

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        _hash.AppendData(buffer[..read]);
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _inner.Position + offset,
            SeekOrigin.End => _inner.Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        if (target == _inner.Position)
        {
            return target;
        }

        if (target != 0)
        {
            throw new NotSupportedException("Only rewinding to the start keeps the content hash meaningful.");
        }

        _hash.GetHashAndReset();
        return _inner.Seek(0, SeekOrigin.Begin);
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
