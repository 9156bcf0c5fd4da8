using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Analysis.Tests.Prediction;

/// <summary>Layers with varied features and times computed from known coefficients, for fitting tests.</summary>
internal static class SyntheticLayers
{
    /// <summary>Known costs, roughly what a node measures: seconds per unit.</summary>
    public static Dictionary<string, double> KnownCoefficients { get; } = new()
    {
        ["layers"] = 0.012,
        ["unpacks"] = 0.002,
        ["files"] = 90e-6,
        ["directories"] = 70e-6,
        ["other_entries"] = 40e-6,
        ["path_components"] = 3e-6,
        ["uncompressed_bytes"] = 2.5e-9,
        ["gzip_compressed_bytes"] = 6e-9,
        ["zstd_compressed_bytes"] = 1.5e-9,
        ["gzip_uncompressed_bytes"] = 1.2e-9,
        ["zstd_uncompressed_bytes"] = 0.4e-9,
        ["gzip_layers"] = 0.0015,
        ["zstd_layers"] = 0.0008,
        ["gzip_entries"] = 25e-6,
    };

    /// <summary>A layer with the given counts; sizes in bytes; each entry <paramref name="depth"/> directories down.</summary>
    public static LayerFeatures Layer(string compression, long compressed, long uncompressed, long files, long directories = 0, long links = 0, int depth = 2) => new()
    {
        Digest = $"sha256:{compressed:x64}",
        MediaType = compression switch
        {
            "gzip" => Core.Images.MediaTypes.OciLayerGzip,
            "zstd" => Core.Images.MediaTypes.OciLayerZstd,
            "none" => Core.Images.MediaTypes.OciLayer,
            _ => "application/vnd.example.layer.v1.tar+" + compression,
        },
        Compression = compression,
        CompressedBytes = compressed,
        UncompressedBytes = uncompressed,
        FileBytes = Math.Max(0, uncompressed - (512 * files)),
        Files = files,
        Directories = directories,
        Symlinks = links,
        Hardlinks = 0,
        Whiteouts = 0,
        OtherEntries = 0,
        MaxDepth = depth + 1,
        PathComponents = depth * (files + directories + links),
    };

    /// <summary>
    /// A spread of layers like the standard calibration set: every compression, bytes-heavy and
    /// entry-heavy ones at several depths, and images of several small layers.
    /// </summary>
    public static List<SyntheticLayer> Spread(IReadOnlyList<string>? compressions = null)
    {
        var layers = new List<SyntheticLayer>();
        var random = new Random(7);
        var index = 0;
        foreach (var compression in compressions ?? ["gzip", "zstd", "none"])
        {
            foreach (var (megabytes, ratio) in new[] { (48, 1.0), (96, 2.2), (48, 3.5), (96, 50.0), (16, 2.2), (8, 1.5) })
            {
                var uncompressed = megabytes * 1_000_000L;
                var compressed = compression == "none" ? uncompressed : (long)(uncompressed / ratio);
                layers.Add(new($"case-{index++}", 1, Layer(compression, compressed, uncompressed, random.Next(2, 40), random.Next(1, 10))));
            }

            foreach (var (files, directories, links, depth) in new[] { (4000, 40, 0, 1), (12000, 120, 0, 2), (10, 4000, 0, 1), (10, 40, 4000, 1), (2000, 400, 200, 6), (3000, 60, 0, 12) })
            {
                var uncompressed = (files * 1536L) + ((directories + links) * 512L);
                var compressed = compression == "none" ? uncompressed : uncompressed / 4;
                layers.Add(new($"case-{index++}", 1, Layer(compression, compressed, uncompressed, files, directories, links, depth)));
            }

            var name = $"case-{index++}";
            layers.AddRange(Enumerable.Range(1, 4).Select(position => new SyntheticLayer(name, position, Layer(compression, compression == "none" ? 4096 + position : 300 + position, 4096 + position, 1, 1))));
        }

        return layers;
    }

    /// <summary>The exact time of <paramref name="layer"/> at <paramref name="position"/> under <see cref="KnownCoefficients"/>.</summary>
    public static double TrueSeconds(LayerFeatures layer, int position = 1) =>
        KnownCoefficients.Sum(c => c.Value * UnpackFeature.Named(c.Key)!.Count(layer, position));

    /// <summary>Standard normal draws (Box–Muller), reproducible from the seed.</summary>
    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
