using UnpackBench.Core.Prediction;

namespace UnpackBench.Agent.Calibration;

/// <summary>
/// A fixed set of synthetic images to calibrate with. Each term of the model has cases where it
/// dominates: layers of few big files in every compression and content kind (bytes), layers of many
/// small files, of empty directories and of links (entries), images of several small layers, in
/// every compression, for the fixed costs per layer and per unpack, and files spread
/// differently (flat, deep) for the cost of resolving their paths. Every
/// entry kind is in at least two images, so leaving one image out (cross-validation) still leaves
/// its cost measured.
/// </summary>
/// <param name="Name">The set's name (<see cref="CalibrationSets"/>).</param>
/// <param name="Cases">Its images, in the order they are measured: interleaved, so a slow drift of the machine spreads over every term.</param>
/// <param name="DriftCheck">
/// The image measured again halfway through and at the end, to tell whether the node's costs held still
/// (<see cref="Analysis.Prediction.CalibrationDrift"/>): one of many files, because the cost per file is
/// what moves — in one calibration it tripled while the costs per byte did not move.
/// </param>
internal sealed record CalibrationSet(string Name, IReadOnlyList<CalibrationCase> Cases, string DriftCheck)
{
    /// <summary>Raised whenever a recipe changes, so layers generated before are not reused.</summary>
    public const int GeneratorVersion = 1;

    private const long MB = 1_000_000;

    /// <summary>The set called <paramref name="name"/>, or null.</summary>
    public static CalibrationSet? Named(string name) => name switch
    {
        CalibrationSets.Standard => Standard,
        CalibrationSets.Quick => Quick,
        _ => null,
    };

    /// <summary>
    /// 32 images, ~700 MB written per pass: about a minute and a half on two cores with <c>--cache drop</c>, once generated.
    /// The 40,000 tiny files are there because, with 12,000 at most, a layer of 50,000 small files was
    /// predicted 31–33 % short, outside the range measured. The images of small layers are there because,
    /// without them, the fixed cost of a layer was only extrapolated (from layers of 50 files), and a
    /// three-layer image of 1.4 MB was predicted 26 % short.
    /// </summary>
    public static CalibrationSet Standard { get; } = new(CalibrationSets.Standard, Interleave(
        BytesCases("gzip", 1).Concat(BytesCases("zstd", 1)).Concat(BytesCases("none", 1)).ToList(),
        [
            CalibrationCase.Single("files-4000", new LayerRecipe("gzip", ContentKind.Text, 4000, 2048)),
            CalibrationCase.Single("files-12000-tiny", new LayerRecipe("gzip", ContentKind.Text, 12000, 64) { FilesPerDirectory = 200 }),
            CalibrationCase.Single("files-40000-tiny", new LayerRecipe("gzip", ContentKind.Text, 40000, 128) { FilesPerDirectory = 400 }),
            CalibrationCase.Single("files-3000-flat", new LayerRecipe("gzip", ContentKind.Text, 3000, 1024) { FilesPerDirectory = 3000 }),
            CalibrationCase.Single("files-3000-deep", new LayerRecipe("gzip", ContentKind.Text, 3000, 1024) { FilesPerDirectory = 50, Depth = 12 }),
            CalibrationCase.Single("files-2000-depth-6", new LayerRecipe("gzip", ContentKind.Text, 2000, 1024) { Depth = 6 }),
            CalibrationCase.Single("dirs-4000", new LayerRecipe("gzip", ContentKind.Text, 10, 1024) { EmptyDirectories = 4000 }),
            CalibrationCase.Single("links-4000", new LayerRecipe("gzip", ContentKind.Text, 10, 1024) { Symlinks = 3000, Hardlinks = 1000 }),
            CalibrationCase.Single("dirs-2000-files-1000", new LayerRecipe("gzip", ContentKind.Text, 1000, 1024) { EmptyDirectories = 2000 }),
            CalibrationCase.Single("links-2000-files-1000", new LayerRecipe("gzip", ContentKind.Text, 1000, 1024) { Symlinks = 1500, Hardlinks = 500 }),
            CalibrationCase.Single("files-2000-mixed", new LayerRecipe("gzip", ContentKind.Mixed, 2000, 16 * 1024) { EmptyDirectories = 100 }),
            CalibrationCase.Single("zstd-files-4000", new LayerRecipe("zstd", ContentKind.Text, 4000, 2048)),
            CalibrationCase.Single("none-files-4000", new LayerRecipe("none", ContentKind.Text, 4000, 2048)),
            new CalibrationCase("layers-8", Enumerable.Repeat(new LayerRecipe("gzip", ContentKind.Text, 50, 4096), 8).ToList()),
            SmallLayers("gzip", 12),
            SmallLayers("zstd", 8),
            SmallLayers("none", 8),
        ]), DriftCheck: "files-4000");

    /// <summary>A dozen tiny images (a few MB in all): enough layers to fit every term, too few to trust; for tests.</summary>
    public static CalibrationSet Quick { get; } = new(CalibrationSets.Quick, Interleave(
        BytesCases("gzip", 16).Take(4).Concat(BytesCases("zstd", 16).Take(3)).Concat(BytesCases("none", 16).Take(3)).ToList(),
        [
            CalibrationCase.Single("files-400", new LayerRecipe("gzip", ContentKind.Text, 400, 512)),
            CalibrationCase.Single("dirs-300", new LayerRecipe("gzip", ContentKind.Text, 4, 512) { EmptyDirectories = 300 }),
            CalibrationCase.Single("links-300", new LayerRecipe("gzip", ContentKind.Text, 4, 512) { Symlinks = 200, Hardlinks = 100 }),
            CalibrationCase.Single("files-300-deep", new LayerRecipe("gzip", ContentKind.Text, 300, 512) { FilesPerDirectory = 50, Depth = 6 }),
            new CalibrationCase("layers-3", Enumerable.Repeat(new LayerRecipe("gzip", ContentKind.Text, 20, 1024), 3).ToList()),
            SmallLayers("zstd", 2),
        ]), DriftCheck: "files-400");

    // Four files each, so bytes dominate: every content kind, and a small and a large layer.
    private static IEnumerable<CalibrationCase> BytesCases(string compression, int divisor)
    {
        (ContentKind Kind, long Bytes)[] shapes =
            [(ContentKind.Mixed, 96 * MB), (ContentKind.Random, 32 * MB), (ContentKind.Text, 32 * MB), (ContentKind.Zeros, 64 * MB), (ContentKind.Mixed, 8 * MB)];
        return shapes.Select(s => CalibrationCase.Single(
            $"{compression}-{s.Kind.ToString().ToLowerInvariant()}-{s.Bytes / divisor / MB}mb",
            new LayerRecipe(compression, s.Kind, 4, s.Bytes / divisor / 4)));
    }

    // Layers of seven entries (two directories, three 64-byte files, a symlink), like the small layers real
    // images have: almost nothing but the fixed costs of a layer and of the unpack. Layers of a single file
    // measured 1–2 ms less than real layers of a handful of entries.
    private static CalibrationCase SmallLayers(string compression, int count) =>
        new($"{compression}-layers-{count}-small", Enumerable.Repeat(new LayerRecipe(compression, ContentKind.Text, 3, 64) { Depth = 2, Symlinks = 1 }, count).ToList());

    private static List<CalibrationCase> Interleave(List<CalibrationCase> bytes, List<CalibrationCase> entries)
    {
        var result = new List<CalibrationCase>();
        for (var i = 0; i < Math.Max(bytes.Count, entries.Count); i++)
        {
            result.AddRange(bytes.Skip(i).Take(1).Concat(entries.Skip(i).Take(1)));
        }

        return result;
    }
}
