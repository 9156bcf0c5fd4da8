using System.Globalization;

namespace UnpackBench.Bench.Generation;

/// <summary>
/// The parameters of the generated multi-layer image: total uncompressed file bytes, layer count and seed.
/// Layers get unequal shares of the bytes, as real images do (a big base and a big dependency layer, a few
/// small ones on top).
/// </summary>
internal sealed record LargeImageShape(long TotalBytes, int LayerCount, int Seed = 1)
{
    /// <summary>Raised whenever the generator changes what it writes, so cached images are rebuilt.</summary>
    public const int GeneratorVersion = 1;

    private static readonly double[] Weights = [16, 6, 22, 4, 28, 12, 2, 10];

    private static readonly string[] Roots =
    [
        "usr/lib/x86_64-linux-gnu",
        "usr/share",
        "usr/local/lib/python3.12/site-packages",
        "opt/toolchain",
        "usr/lib/jvm/runtime",
        "app/node_modules",
        "var/lib/assets",
        "app",
    ];

    /// <summary>The file name (without extension) that identifies these parameters in the image cache.</summary>
    public string CacheKey => string.Create(
        CultureInfo.InvariantCulture, $"large-{TotalBytes / (1000 * 1000)}mb-{LayerCount}layers-seed{Seed}-g{GeneratorVersion}");

    /// <summary>The file bytes planned for layer <paramref name="index"/> (0 = bottom).</summary>
    public long LayerBytes(int index)
    {
        var total = Enumerable.Range(0, LayerCount).Sum(i => Weights[i % Weights.Length]);
        return (long)(TotalBytes * Weights[index % Weights.Length] / total);
    }

    /// <summary>The directory layer <paramref name="index"/> puts its files under.</summary>
    public static string LayerRoot(int index) => index < Roots.Length
        ? Roots[index]
        : string.Create(CultureInfo.InvariantCulture, $"{Roots[index % Roots.Length]}-{index / Roots.Length}");
}
