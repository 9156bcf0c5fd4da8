using System.Runtime.InteropServices;
using UnpackBench.Testing.Images;

namespace UnpackBench.Bench.Generation;

/// <summary>
/// Generated file content in 8 KiB segments, each pseudo-random, zero or text-like as <see cref="ContentMix"/>
/// says. Each segment is derived from (seed, segment number) alone, so content is the same in every run.
/// </summary>
internal sealed class MixedContentStream(long length, ulong seed, ContentMix mix) : BlockGeneratedStream(length, SegmentSize)
{
    private const int SegmentSize = 8 * 1024;

    protected override void Generate(long index, Span<byte> segment)
    {
        var hash = SplitMix64.Mix(seed ^ SplitMix64.Mix((ulong)index));
        var choice = (hash >> 11) * (1.0 / (1UL << 53));
        if (choice < mix.RandomShare)
        {
            var words = MemoryMarshal.Cast<byte, ulong>(segment);
            var state = hash;
            for (var i = 0; i < words.Length; i++)
            {
                state += 0x9E3779B97F4A7C15;
                words[i] = SplitMix64.Mix(state);
            }
        }
        else if (choice < mix.RandomShare + mix.ZeroShare)
        {
            segment.Clear();
        }
        else
        {
            var pool = TextPool.Bytes;
            var start = (int)(SplitMix64.Mix(hash) % (ulong)(pool.Length - SegmentSize));
            pool.Slice(start, SegmentSize).CopyTo(segment);
        }
    }
}
