namespace UnpackBench.Testing.Images;

/// <summary>
/// A read-only, seekable stream of zeros or of seeded pseudo-random bytes, produced block by block.
/// Each 64 KiB block is generated from (seed, block number), so any position can be read without the ones before it.
/// </summary>
internal sealed class GeneratedContentStream : Stream
{
    private const int BlockSize = 64 * 1024;

    private readonly long _length;
    private readonly int? _seed;
    private readonly byte[] _block = new byte[BlockSize];
    private long _blockIndex = -1;
    private long _position;

    public GeneratedContentStream(long length, int? seed)
    {
        _length = length;
        _seed = seed;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, _length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length && _position < _length)
        {
            var offsetInBlock = (int)(_position % BlockSize);
            var chunk = (int)Math.Min(Math.Min(buffer.Length - total, BlockSize - offsetInBlock), _length - _position);
            if (_seed is null)
            {
                buffer.Slice(total, chunk).Clear();
            }
            else
            {
                LoadBlock(_position / BlockSize);
                _block.AsSpan(offsetInBlock, chunk).CopyTo(buffer[total..]);
            }

            total += chunk;
            _position += chunk;
        }

        return total;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

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

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void LoadBlock(long index)
    {
        if (index == _blockIndex)
        {
            return;
        }

        // A seeded System.Random runs the stable legacy algorithm, so content is the same on every runtime;
        // the block seed is mixed with splitmix64 (HashCode is randomised per process).
        var mixed = SplitMix64(((ulong)(uint)_seed!.Value << 32) ^ (ulong)index);
        new Random((int)(mixed & int.MaxValue)).NextBytes(_block);
        _blockIndex = index;
    }

    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
