namespace UnpackBench.Testing.Images;

/// <summary>
/// Zeros or seeded pseudo-random bytes, in 64 KiB blocks each generated from (seed, block number).
/// </summary>
internal sealed class GeneratedContentStream(long length, int? seed) : BlockGeneratedStream(length, BlockSize)
{
    private const int BlockSize = 64 * 1024;

    protected override void Generate(long index, Span<byte> block)
    {
        if (seed is not { } value)
        {
            block.Clear();
            return;
        }

        // A seeded System.Random runs the stable legacy algorithm, so content is the same on every runtime;
        // the block seed is mixed with splitmix64 (HashCode is randomised per process).
        var mixed = SplitMix64.Mix(((ulong)(uint)value << 32) ^ (ulong)index);
        new Random((int)(mixed & int.MaxValue)).NextBytes(block);
    }
}
