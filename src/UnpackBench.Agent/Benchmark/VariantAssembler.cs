using UnpackBench.Agent.Findings;
using UnpackBench.Core.Images;
using UnpackBench.Core.Results;
using UnpackBench.Core.Variants;

namespace UnpackBench.Agent.Benchmark;

/// <summary>
/// Turns each variant's outcome into its part of the document: runs with their floor figures and
/// aggregate throughput, the summary with its drift and first-run findings, and — against the
/// original encoding on the same snapshotter — the speedup and the pull + unpack estimate.
/// </summary>
internal static class VariantAssembler
{
    /// <summary>The variants, in the order they ran.</summary>
    public static IReadOnlyList<VariantResult> Build(IReadOnlyList<VariantOutcome> outcomes, long? uncompressedBytes, BenchmarkSettings settings, string containerdGzip)
    {
        var results = outcomes.Select(o => Describe(o, uncompressedBytes, settings, containerdGzip)).ToList();
        return results.Select(variant =>
        {
            var original = results.FirstOrDefault(r => r.Snapshotter == variant.Snapshotter && r.Encoding == LayerEncoding.Original.Name);
            return variant with
            {
                Speedup = variant.Encoding == LayerEncoding.Original.Name || original is null ? null : VariantComparison.Speedup(original.Runs, variant.Runs),
                PullPlusUnpackSeconds = settings.WhatIf.Count == 0 ? null : VariantComparison.PullPlusUnpack(variant.CompressedBytes, settings.LinkMbps, variant.Summary.MedianDurationSeconds),
            };
        }).ToList();
    }

    private static VariantResult Describe(VariantOutcome outcome, long? uncompressedBytes, BenchmarkSettings settings, string containerdGzip)
    {
        var runs = outcome.Runs;
        if (settings.Concurrency > 1)
        {
            runs = runs.Select(r => r with { ThroughputMbPerSecond = SummaryCalculator.AggregateThroughput(settings.Concurrency, uncompressedBytes, r.DurationSeconds) }).ToList();
        }

        if (outcome.Floors is { } floors)
        {
            runs = FloorFigures.Apply(runs, floors, settings.Concurrency);
        }

        var layers = outcome.Image.Layers.Select((l, i) => new VariantLayer
        {
            Digest = l.Digest.ToString(),
            DiffId = outcome.Image.DiffIds[i].ToString(),
            MediaType = l.MediaType,
            CompressedBytes = l.Size,
        }).ToList();
        return new VariantResult
        {
            Snapshotter = outcome.Snapshotter,
            Encoding = outcome.Encoding.Name,
            Status = outcome.Error is null ? VariantResult.Success : VariantResult.Failed,
            Error = outcome.Error,
            Decompressor = Decompressor(outcome, containerdGzip),
            Layers = layers,
            CompressedBytes = layers.Sum(l => l.CompressedBytes),
            Summary = RunSeriesFindings.WithFindings(SummaryCalculator.Summarize(runs, uncompressedBytes, settings.Concurrency), runs),
            Runs = runs,
            Floors = outcome.Floors,
        };
    }

    // gzip layers go through containerd's gzip decompressor, zstd through its in-process zstd; a mixed image names each, in layer order.
    private static string Decompressor(VariantOutcome outcome, string containerdGzip) =>
        string.Join("+", outcome.Image.Layers.Select(l => MediaTypes.CompressionOf(l.MediaType) switch
        {
            "gzip" => containerdGzip,
            var other => other,
        }).Distinct());
}
