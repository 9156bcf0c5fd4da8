using System.Runtime.InteropServices;

namespace UnpackBench.Bench.Generation;

/// <summary>
/// A read-only, seekable stream of generated file content: 8 KiB segments, each pseudo-random, zero or
/// text-like as <see cref="ContentMix"/> says. Each segment is derived from (seed, segment number) alone, so
/// content is the same in every run and no file is ever held in memory.
/// </summary>
internal sealed class MixedContentStream : Stream
{
    private const int SegmentSize = 8 * 1024;

    private readonly long _length;
    private readonly ulong _seed;
    private readonly ContentMix _mix;
    private readonly byte[] _segment = new byte[SegmentSize];
    private long _segmentIndex = -1;
    private long _position;

    public MixedContentStream(long length, ulong seed, ContentMix mix)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _length = length;
        _seed = seed;
        _mix = mix;
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
            var offsetInSegment = (int)(_position % SegmentSize);
            var chunk = (int)Math.Min(Math.Min(buffer.Length - total, SegmentSize - offsetInSegment), _length - _position);
            LoadSegment(_position / SegmentSize);
            _segment.AsSpan(offsetInSegment, chunk).CopyTo(buffer[total..]);
            total += chunk;
            _position += chunk;
        }

        return total;
    }

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

    /// <summary>splitmix64: a cheap, well-mixed 64-bit hash.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }

    private void LoadSegment(long index)
    {
        if (index == _segmentIndex)
        {
            return;
        }

        var hash = Mix(_seed ^ Mix((ulong)index));
        var choice = (hash >> 11) * (1.0 / (1UL << 53));
        if (choice < _mix.RandomShare)
        {
            var words = MemoryMarshal.Cast<byte, ulong>(_segment.AsSpan());
            var state = hash;
            for (var i = 0; i < words.Length; i++)
            {
                state += 0x9E3779B97F4A7C15;
                words[i] = Mix(state);
            }
        }
        else if (choice < _mix.RandomShare + _mix.ZeroShare)
        {
            Array.Clear(_segment);
        }
        else
        {
            var pool = TextPool.Bytes;
            var start = (int)(Mix(hash) % (ulong)(pool.Length - SegmentSize));
            pool.Slice(start, SegmentSize).CopyTo(_segment);
        }

        _segmentIndex = index;
    }
}
