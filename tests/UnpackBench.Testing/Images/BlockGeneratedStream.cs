namespace UnpackBench.Testing.Images;

/// <summary>
/// A read-only, seekable stream of generated content, produced block by block. A subclass says what block
/// <c>n</c> holds from <c>n</c> alone, so any position can be read without the ones before it and no file is
/// ever held in memory.
/// </summary>
public abstract class BlockGeneratedStream : Stream
{
    private readonly long _length;
    private readonly byte[] _block;
    private long _blockIndex = -1;
    private long _position;

    /// <summary>A stream of <paramref name="length"/> bytes, generated <paramref name="blockSize"/> bytes at a time.</summary>
    protected BlockGeneratedStream(long length, int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        _length = length;
        _block = new byte[blockSize];
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => true;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => _length;

    /// <inheritdoc />
    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, _length);
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length && _position < _length)
        {
            var offsetInBlock = (int)(_position % _block.Length);
            var chunk = (int)Math.Min(Math.Min(buffer.Length - total, _block.Length - offsetInBlock), _length - _position);
            LoadBlock(_position / _block.Length);
            _block.AsSpan(offsetInBlock, chunk).CopyTo(buffer[total..]);
            total += chunk;
            _position += chunk;
        }

        return total;
    }

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Fills <paramref name="block"/> (a whole block, also at the end) with the content of block <paramref name="index"/>.</summary>
    protected abstract void Generate(long index, Span<byte> block);

    private void LoadBlock(long index)
    {
        if (index != _blockIndex)
        {
            Generate(index, _block);
            _blockIndex = index;
        }
    }
}
