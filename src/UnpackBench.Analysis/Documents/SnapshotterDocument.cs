using UnpackBench.Core.Results;
using UnpackBench.Core.Variants;

namespace UnpackBench.Analysis.Documents;

/// <summary>
/// A result document seen through one snapshotter: its variant of the original encoding becomes the
/// document's top-level summary, runs, snapshotter and decompressor, which is what a comparison reads.
/// For the first snapshotter this is the document as written (the top level is the first variant).
/// The operator compares a baseline's rows through it; the report charts a survey's rows through it.
/// </summary>
public static class SnapshotterDocument
{
    /// <summary>The view of <paramref name="document"/> for <paramref name="snapshotter"/>; null when it has no successful run there.</summary>
    public static BenchmarkResult? Of(BenchmarkResult document, string snapshotter)
    {
        if (document.Variants is not { Count: > 0 } variants)
        {
            return document.BenchmarkConfig.Snapshotter == snapshotter && document.Summary.SuccessfulRuns > 0 ? document : null;
        }

        var variant = variants.FirstOrDefault(v => v.Snapshotter == snapshotter && v.Encoding == LayerEncoding.Original.Name);
        return variant is not { Status: VariantResult.Success, Summary.SuccessfulRuns: > 0 }
            ? null
            : document with
            {
                BenchmarkConfig = document.BenchmarkConfig with { Snapshotter = snapshotter },
                Summary = variant.Summary,
                Runs = variant.Runs,
                Floors = variant.Floors,
                Variants = null,
                Environment = document.Environment with { Snapshotter = snapshotter, Decompressor = variant.Decompressor ?? document.Environment.Decompressor },
            };
    }

    /// <summary>Every snapshotter <paramref name="document"/> measured successfully, in the order run.</summary>
    public static IReadOnlyList<string> Snapshotters(BenchmarkResult document) => document.Variants is { Count: > 0 } variants
        ? [.. variants.Where(v => v.Encoding == LayerEncoding.Original.Name).Select(v => v.Snapshotter).Distinct().Where(s => Of(document, s) is not null)]
        : Of(document, document.BenchmarkConfig.Snapshotter) is null ? [] : [document.BenchmarkConfig.Snapshotter];
}
