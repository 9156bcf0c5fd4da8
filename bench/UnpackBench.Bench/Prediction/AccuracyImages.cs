using System.Globalization;
using UnpackBench.Bench.Generation;
using UnpackBench.Testing.Images;

namespace UnpackBench.Bench.Prediction;

/// <summary>
/// The images the prediction benchmark measures besides the bench's large image and the sample image — each
/// made differently from the calibration's synthetic images: one layer holding one huge file, one layer of
/// tens of thousands of tiny files, and a multi-layer zstd image. Cached like the large image.
/// </summary>
internal sealed class AccuracyImages(ImageCache cache)
{
    /// <summary>Raised whenever an image here changes, so cached ones are rebuilt.</summary>
    private const int GeneratorVersion = 1;

    /// <summary>One gzip layer holding one file of <paramref name="bytes"/> bytes of typical binary content (about 2× with gzip).</summary>
    public GeneratedImage OneHugeFile(long bytes, CancellationToken cancellationToken) =>
        cache.GetOrBuild(Key($"huge-file-{bytes / 1_000_000}mb"), "one-huge-file", (layout, _) =>
            [SyntheticLayerWriter.Write(layout.Blobs, [
                new PlannedEntry(PlannedKind.Directory, "data", UnixModes.Directory),
                new PlannedEntry(PlannedKind.File, "data/model.bin", UnixModes.File, bytes, 0x4855474546494C45, ContentMix.Large),
            ])], cancellationToken);

    /// <summary>One gzip layer of <paramref name="count"/> text files of 16–512 bytes, 500 to a directory.</summary>
    public GeneratedImage TinyFiles(int count, CancellationToken cancellationToken) =>
        cache.GetOrBuild(Key($"tiny-files-{count}"), "tiny-files", (layout, _) =>
        {
            var random = new Random(count);
            var entries = new List<PlannedEntry> { new(PlannedKind.Directory, "files", UnixModes.Directory) };
            for (var i = 0; i < count; i++)
            {
                if (i % 500 == 0)
                {
                    entries.Add(new PlannedEntry(PlannedKind.Directory, Directory(i), UnixModes.Directory));
                }

                entries.Add(new PlannedEntry(PlannedKind.File, $"{Directory(i)}/f{i}.txt", UnixModes.File, random.Next(16, 513), (ulong)i, ContentMix.Text));
            }

            return [SyntheticLayerWriter.Write(layout.Blobs, entries)];
        }, cancellationToken);

    /// <summary>The large image's shape, with its layers compressed by zstd.</summary>
    public GeneratedImage Zstd(LargeImageShape shape, CancellationToken cancellationToken) =>
        cache.GetOrBuild(Key($"zstd-{shape.CacheKey}"), "zstd", (layout, _) =>
            [.. Enumerable.Range(0, shape.LayerCount).Select(i => SyntheticLayerWriter.Write(layout.Blobs, LayerPlanner.Plan(shape, i), LayerCompression.Zstd))],
            cancellationToken);

    private static string Directory(int file) => string.Create(CultureInfo.InvariantCulture, $"files/d{file / 500}");

    private static string Key(string name) => $"{name}-a{GeneratorVersion}-{MachinePlatform.ArchitectureName}";
}
