using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Images;

namespace UnpackBench.Bench.Generation;

/// <summary>
/// Generates the benchmark's images as OCI archives under a cache directory, keyed by their parameters, so a
/// second run reuses them. Archives are written under a temporary name and renamed into place, so an
/// interrupted generation never leaves a half archive that looks cached.
/// </summary>
internal sealed class ImageCache(string directory, TextWriter progress)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>The generated multi-layer image of <paramref name="shape"/>, built if not cached.</summary>
    public GeneratedImage Large(LargeImageShape shape, CancellationToken cancellationToken) =>
        GetOrBuild($"{shape.CacheKey}-{MachinePlatform.ArchitectureName}", "large", (layout, token) =>
        {
            var layers = new BuiltLayer[shape.LayerCount];
            var stopwatch = Stopwatch.StartNew();
            var done = 0;
            var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = token };
            // Biggest layers first, so the last one to finish is a small one.
            Parallel.ForEach(Enumerable.Range(0, shape.LayerCount).OrderByDescending(shape.LayerBytes), options, index =>
            {
                layers[index] = SyntheticLayerWriter.Write(layout.Blobs, LayerPlanner.Plan(shape, index));
                var finished = Interlocked.Increment(ref done);
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  layer {index + 1}/{shape.LayerCount}: {layers[index].UncompressedSize / 1e6:N1} MB -> {layers[index].Size / 1e6:N1} MB gzip ({finished}/{shape.LayerCount} done, {stopwatch.Elapsed.TotalSeconds:0} s)"));
            });
            return layers;
        }, cancellationToken);

    /// <summary>A one-layer image holding one small file, built if not cached.</summary>
    public GeneratedImage Tiny(CancellationToken cancellationToken) =>
        GetOrBuild($"tiny-g{LargeImageShape.GeneratorVersion}-{MachinePlatform.ArchitectureName}", "tiny", (layout, _) =>
            [new LayerBuilder().File("hello.txt", "hello from unpackbench\n").Build(layout.Blobs, LayerCompression.Gzip)], cancellationToken);

    /// <summary>The image cached under <paramref name="key"/>, or built from the layers <paramref name="buildLayers"/> writes.</summary>
    public GeneratedImage GetOrBuild(string key, string label, Func<OciLayout, CancellationToken, BuiltLayer[]> buildLayers, CancellationToken cancellationToken)
    {
        var archive = Path.Combine(directory, key + ".tar");
        var description = Path.Combine(directory, key + ".json");
        if (File.Exists(archive) && File.Exists(description) &&
            JsonSerializer.Deserialize<GeneratedImage>(File.ReadAllText(description), JsonOptions) is { } cached)
        {
            progress.WriteLine($"{label} image: cached ({Path.GetFileName(archive)})");
            return cached with { ArchivePath = archive };
        }

        progress.WriteLine($"{label} image: generating {Path.GetFileName(archive)} ...");
        Directory.CreateDirectory(directory);
        var layoutDirectory = Path.Combine(directory, $".build-{key}-{Guid.NewGuid().ToString("N")[..8]}");
        try
        {
            var layout = OciLayout.Create(layoutDirectory);
            var layers = buildLayers(layout, cancellationToken);
            var image = new ImageBuilder(MachinePlatform.Current).WithLayers(layers).Build(layout, ImageFormat.Oci, $"localhost/unpackbench/{label}:latest");
            var partial = archive + ".partial";
            OciArchive.Write(image, partial);
            File.Move(partial, archive, overwrite: true);
            var generated = Describe(image, archive);
            File.WriteAllText(description, JsonSerializer.Serialize(generated, JsonOptions));
            return generated;
        }
        finally
        {
            Directory.Delete(layoutDirectory, recursive: true);
        }
    }

    private static GeneratedImage Describe(BuiltImage image, string archive) => new()
    {
        ArchivePath = archive,
        ManifestDigest = image.ManifestDigest,
        Layers = image.Layers.Count,
        Files = image.Layers.Sum(layer => layer.Entries.Count(entry => entry.Kind == LayerEntryKind.File)),
        Directories = image.Layers.Sum(layer => layer.Entries.Count(entry => entry.Kind == LayerEntryKind.Directory)),
        Symlinks = image.Layers.Sum(layer => layer.Entries.Count(entry => entry.Kind == LayerEntryKind.Symlink)),
        CompressedBytes = image.Layers.Sum(layer => layer.Size),
        UncompressedBytes = image.Layers.Sum(layer => layer.UncompressedSize),
    };
}
