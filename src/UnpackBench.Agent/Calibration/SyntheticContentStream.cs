using System.Runtime.InteropServices;
using System.Text;

namespace UnpackBench.Agent.Calibration;

/// <summary>
/// A read-only stream of generated file content: 8 KiB segments, each random, zero or text-like as the
/// <see cref="ContentKind"/> says. Every segment is derived from (seed, segment number) alone, so the
/// content is the same in every run and no file is held in memory. Text segments are words drawn from a
/// fixed vocabulary with a Zipf-like frequency, generated per segment (a repeated text pool would let
/// zstd's long window find the repeats and compress unrealistically well).
/// </summary>
internal sealed class SyntheticContentStream(long length, ulong seed, ContentKind kind) : Stream
{
    private const int SegmentSize = 8 * 1024;
    private static readonly byte[][] Vocabulary = BuildVocabulary();

    private readonly byte[] _segment = new byte[SegmentSize];
    private long _segmentIndex = -1;
    private long _position;

    public override bool CanRead => true;

    // TarWriter reads a data stream's length up front, which it needs a seekable stream for.
    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => _position; set => _position = Math.Clamp(value, 0, length); }

    /// <summary>splitmix64: a cheap, well-mixed 64-bit hash.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length && _position < length)
        {
            var offsetInSegment = (int)(_position % SegmentSize);
            var chunk = (int)Math.Min(Math.Min(buffer.Length - total, SegmentSize - offsetInSegment), length - _position);
            Load(_position / SegmentSize);
            _segment.AsSpan(offsetInSegment, chunk).CopyTo(buffer[total..]);
            total += chunk;
            _position += chunk;
        }

        return total;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => length + offset,
        };
        return _position;
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Load(long index)
    {
        if (index == _segmentIndex)
        {
            return;
        }

        var hash = Mix(seed ^ Mix((ulong)index));
        var choice = (hash >> 11) * (1.0 / (1UL << 53));
        var segmentKind = kind != ContentKind.Mixed ? kind : choice < 0.30 ? ContentKind.Random : choice < 0.45 ? ContentKind.Zeros : ContentKind.Text;
        switch (segmentKind)
        {
            case ContentKind.Random:
                var words = MemoryMarshal.Cast<byte, ulong>(_segment.AsSpan());
                var state = hash;
                for (var i = 0; i < words.Length; i++)
                {
                    state += 0x9E3779B97F4A7C15;
                    words[i] = Mix(state);
                }

                break;
            case ContentKind.Zeros:
                Array.Clear(_segment);
                break;
            default:
                FillText(hash);
                break;
        }

        _segmentIndex = index;
    }

    private void FillText(ulong hash)
    {
        var position = 0;
        var state = hash;
        while (position < SegmentSize)
        {
            state = Mix(state);
            // Zipf-like: the square of a uniform draw favours the first (common) words.
            var uniform = (state >> 11) * (1.0 / (1UL << 53));
            var word = Vocabulary[(int)(uniform * uniform * Vocabulary.Length)];
            var separator = (state & 0xF) == 0 ? (byte)'\n' : (byte)' ';
            var take = Math.Min(word.Length, SegmentSize - position);
            word.AsSpan(0, take).CopyTo(_segment.AsSpan(position));
            position += take;
            if (position < SegmentSize)
            {
                _segment[position++] = separator;
            }
        }
    }

    private static byte[][] BuildVocabulary()
    {
        string[] syllables = ["the", "in", "con", "fig", "ser", "ver", "path", "lib", "sys", "tem", "ex", "port", "im", "de", "fault", "va", "lue", "re", "turn", "get", "set", "name", "func", "tion", "class", "data", "file", "dir", "er", "ing", "ed", "al", "ly", "on", "at", "is", "to", "of", "and", "(", ")", "{", "}", "=", ";", "_", ".", "0", "1", "x"];
        var vocabulary = new byte[4096][];
        var state = 0x5EEDUL;
        for (var i = 0; i < vocabulary.Length; i++)
        {
            var word = new StringBuilder();
            state = Mix(state);
            var count = 1 + (int)(state % 4);
            for (var s = 0; s < count; s++)
            {
                state = Mix(state);
                word.Append(syllables[state % (ulong)syllables.Length]);
            }

            vocabulary[i] = Encoding.ASCII.GetBytes(word.ToString());
        }

        return vocabulary;
    }
}
