namespace UnpackBench.Bench.Generation;

/// <summary>
/// A class of files in a generated layer: its share of the layer's bytes, its size range (sizes are
/// log-uniform within it, so small sizes are common), what its content is made of and its file name endings.
/// </summary>
internal sealed record FileSizeClass(double ByteShare, long MinSize, long MaxSize, ContentMix Mix, string[] Extensions)
{
    private const long KiB = 1024;
    private const long MiB = 1024 * KiB;

    /// <summary>
    /// The classes of a typical distribution image: thousands of small files hold a quarter of the bytes,
    /// a few dozen MB-sized binaries hold the largest share.
    /// </summary>
    public static IReadOnlyList<FileSizeClass> Typical { get; } =
    [
        new(0.01, 64, 1 * KiB, ContentMix.Text, [".conf", ".txt", ".json", ".py", ".sh"]),
        new(0.24, 1 * KiB, 64 * KiB, ContentMix.Small, [".py", ".h", ".js", ".pyc", ".so"]),
        new(0.35, 64 * KiB, 1 * MiB, ContentMix.Medium, [".so", ".pyc", ".jar", ".a"]),
        new(0.40, 1 * MiB, 24 * MiB, ContentMix.Large, [".so", ".bin", ".dat"]),
    ];

    /// <summary>A size drawn log-uniformly from the range.</summary>
    public long Draw(Random random) =>
        (long)Math.Round(Math.Exp(Math.Log(MinSize) + (random.NextDouble() * (Math.Log(MaxSize) - Math.Log(MinSize)))));
}
