using UnpackBench.Agent.Containerd.Api;
using UnpackBench.Agent.Images;
using UnpackBench.Core.Images;
using UnpackBench.Core.Results;
using UnpackBench.Core.Variants;

namespace UnpackBench.Agent.Benchmark;

/// <summary>Builds the result document from what the benchmark observed.</summary>
internal static class ResultAssembler
{
    /// <summary>
    /// The image part of the document. Uncompressed sizes come from containerd's differ (the applied
    /// descriptors of a successful run); without one they stay null rather than guessed.
    /// </summary>
    public static ImageDescription DescribeImage(AcquiredImage image, IReadOnlyList<OciDescriptor>? applied)
    {
        var layers = image.Layers.Select((layer, i) => new LayerDescription
        {
            Digest = layer.Digest.ToString(),
            DiffId = image.DiffIds[i].ToString(),
            ChainId = image.ChainIds[i].ToString(),
            MediaType = layer.MediaType,
            Compression = MediaTypes.CompressionOf(layer.MediaType),
            CompressedBytes = layer.Size,
            UncompressedBytes = applied is not null && i < applied.Count ? applied[i].Size : null,
        }).ToList();
        return new ImageDescription
        {
            Reference = image.Name,
            Digest = image.Root.Digest.ToString(),
            MediaType = image.Root.MediaType,
            ManifestDigest = image.Manifest.Digest.ToString(),
            ConfigDigest = image.Config.Digest.ToString(),
            Platform = image.Platform.ToString(),
            Layers = layers,
            TotalCompressedBytes = layers.Sum(l => l.CompressedBytes),
            TotalUncompressedBytes = layers.All(l => l.UncompressedBytes is not null) ? layers.Sum(l => l.UncompressedBytes!.Value) : null,
            DownloadedBytes = image.DownloadedBytes,
        };
    }

    /// <summary>
    /// Assembles the whole document. The first variant (first snapshotter, original encoding) is the
    /// top-level summary and runs; <c>variants</c> lists them all when there is more than one.
    /// </summary>
    public static BenchmarkResult Assemble(
        BenchmarkSettings settings, DateTimeOffset startedAt, AcquiredImage image, IReadOnlyList<VariantOutcome> outcomes,
        EnvironmentDescription environment, string statsSource, IReadOnlyList<string> notes)
    {
        // Every encoding unpacks to the same tars, so any variant's successful run gives the sizes.
        var described = DescribeImage(image, outcomes.Select(o => o.Applied).FirstOrDefault(a => a is not null));
        var variants = VariantAssembler.Build(outcomes, described.TotalUncompressedBytes, settings, environment.Decompressor);
        var first = variants.Count > 0 ? variants[0] : null;
        return new BenchmarkResult
        {
            BenchmarkConfig = new BenchmarkConfig
            {
                TargetImage = settings.Target,
                NumRuns = settings.Runs,
                Timestamp = startedAt,
                Snapshotter = settings.Snapshotter,
                Source = image.Source,
                WarmupRuns = settings.WarmupRuns,
                Platform = settings.Platform.ToString(),
                StatsSource = statsSource,
                SampleIntervalMs = (int)settings.SampleInterval.TotalMilliseconds,
                Snapshotters = settings.Snapshotters,
                Concurrency = settings.Concurrency,
                CacheMode = CacheModes.Name(settings.CacheMode),
                Durable = settings.Durable,
                Floor = settings.Floor,
                WhatIf = settings.WhatIf.Select(e => e.Name).ToList(),
                LinkMbps = settings.LinkMbps,
            },
            Summary = first?.Summary ?? SummaryCalculator.Summarize([], described.TotalUncompressedBytes),
            Runs = first?.Runs ?? [],
            Image = described,
            Environment = environment,
            Notes = [.. notes, .. RootFilesystems.NotesFor(environment), .. Remarks(settings, first)],
            Floors = first?.Floors,
            Variants = variants.Count > 1 ? variants : null,
        };
    }

    // Sentences the conditions of the runs call for, so a reader does not misread the figures.
    private static IEnumerable<string> Remarks(BenchmarkSettings settings, VariantResult? first)
    {
        if (settings.Concurrency > 1)
        {
            yield return $"each run unpacked {settings.Concurrency} independent copies of the layer chain at once: copy k committed its layers under " +
                         $"'{Unpack.CopyChain.CopyPrefix}k/CHAINID', so containerd could not share a snapshot between copies; the copies read the same content blobs. " +
                         "duration_seconds is the wall time until every copy was done";
        }

        if (settings.CacheMode == CacheMode.Drop)
        {
            yield return "--cache drop: before every run the agent synced and dropped the whole node's page cache (drop_caches), which other workloads on the node felt too";
        }

        if (first?.Summary.Drift is { Detected: true, Suggestion: { } drift })
        {
            yield return "drift: " + drift;
        }

        if (first?.Summary.FirstRunEffect is { Detected: true, Suggestion: { } firstRun })
        {
            yield return "first run: " + firstRun;
        }

        if (first?.Floors?.Note is { } floorNote)
        {
            yield return "floors: " + floorNote;
        }
    }
}
